<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-aid.xsl: burn-injury aid applications, by status, the oldest
  waiting first: whom each waits for and since how many days; names and
  numbers masked (the application's page shows them to the office).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="aid-common.xsl"/>

  <xsl:template match="/page" mode="title">火灾烧伤救助申请</xsl:template>

  <xsl:template name="filter">
    <xsl:param name="v"/>
    <xsl:param name="label"/>
    <xsl:variable name="list" select="/page/applications"/>
    <xsl:choose>
      <xsl:when test="$list/@filter = $v"><strong><xsl:value-of select="$label"/></strong></xsl:when>
      <xsl:otherwise><a href="/admin/aid?status={$v}"><xsl:value-of select="$label"/></a></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$list/count[@status = $v]">
      <l:m><xsl:text>（</xsl:text><xsl:value-of select="$list/count[@status = $v]/@n"/><xsl:text>）</xsl:text></l:m>
    </xsl:if>
    <xsl:text> · </xsl:text>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="l" select="applications"/>
    <section class="card">
      <h1>火灾烧伤救助申请</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/aid">居民看到的申请页</a></p>
      <xsl:if test="session/admin/@scope = 'street'">
        <p class="note">这里是本镇街的申请。申请人、患者的姓名、身份证号、手机号和银行账号只显示部分；审核由区消安委办进行。</p>
      </xsl:if>
      <p class="filters">
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'open'"/><xsl:with-param name="label" select="'未办结'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'submitted'"/><xsl:with-param name="label" select="'已提交'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'resubmitted'"/><xsl:with-param name="label" select="'已补充材料'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'reviewing'"/><xsl:with-param name="label" select="'审核中'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'more-info'"/><xsl:with-param name="label" select="'需补充材料'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'approved'"/><xsl:with-param name="label" select="'已批准'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'rejected'"/><xsl:with-param name="label" select="'未获批准'"/></xsl:call-template>
        <xsl:call-template name="filter"><xsl:with-param name="v" select="'all'"/><xsl:with-param name="label" select="'全部'"/></xsl:call-template>
      </p>
      <xsl:choose>
        <xsl:when test="$l/application">
          <div class="scroll" tabindex="0">
            <table class="records">
              <thead><tr><th scope="col">编号</th><th scope="col">状态</th><th scope="col">等待</th><th scope="col" class="n">已等待</th><th scope="col">镇街</th><th scope="col">申请人</th><th scope="col">手机号</th><th scope="col" class="n">医疗费用</th><th scope="col">提交日期</th></tr></thead>
              <tbody>
                <xsl:for-each select="$l/application">
                  <tr id="aid-{@id}">
                    <td><a href="/admin/aid/{@id}"><xsl:value-of select="@ref"/></a></td>
                    <td><xsl:call-template name="aid-status"><xsl:with-param name="s" select="@status"/></xsl:call-template></td>
                    <td class="aid-next"><xsl:call-template name="aid-next"><xsl:with-param name="s" select="@status"/></xsl:call-template></td>
                    <td class="n"><l:m><xsl:value-of select="@days"/> 天</l:m></td>
                    <td><xsl:value-of select="@region"/></td>
                    <td><xsl:value-of select="@name"/></td>
                    <td class="nowrap"><xsl:value-of select="@phone"/></td>
                    <td class="n"><xsl:call-template name="yuan"><xsl:with-param name="fen" select="@costs"/></xsl:call-template></td>
                    <td><xsl:value-of select="@created"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="note">没有这个状态的申请。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
