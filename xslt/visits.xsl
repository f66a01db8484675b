<?xml version="1.0" encoding="UTF-8"?>
<!-- visits.xsl: 预约消防站参观: each station's open days to come, with the places left. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">预约消防站参观</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>预约消防站参观</h1>
      <p class="note">消防站定期向社会开放。单位、学校、社区可以组团预约：选一个开放时段，填写联系人和人数，即可得到预约编号。参观时请出示预约编号；参观人员可现场扫码申领“消防蓝码”。</p>
    </section>
    <xsl:choose>
      <xsl:when test="slots/slot">
        <xsl:for-each select="slots/slot[not(@station = preceding-sibling::slot[1]/@station)]">
          <xsl:variable name="st" select="@station"/>
          <section class="card">
            <h2><xsl:value-of select="$st"/></h2>
            <p class="note"><xsl:value-of select="@address"/></p>
            <ul class="slots">
              <xsl:for-each select="/page/slots/slot[@station = $st]">
                <li>
                  <xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/>
                  <l:m><xsl:text>（</xsl:text><xsl:value-of select="@minutes"/><xsl:text> 分钟）</xsl:text></l:m>
                  <xsl:choose>
                    <xsl:when test="@capacity - @booked &gt; 0">
                      <l:m><xsl:text> · 余 </xsl:text><xsl:value-of select="@capacity - @booked"/><xsl:text> 个名额 </xsl:text></l:m>
                      <a class="button secondary" href="/visits/slots/{@id}">预约</a>
                    </xsl:when>
                    <xsl:otherwise> · 已约满</xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <section class="card"><p class="note">近期还没有开放的参观时段，请以后再来看看。</p></section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
