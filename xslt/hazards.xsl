<?xml version="1.0" encoding="UTF-8"?>
<!--
  hazards.xsl: 隐患曝光: what the service is, how a report goes, and the
  latest reports made public (after moderation).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="hazard-names.xsl"/>

  <xsl:template match="/page" mode="title">隐患曝光</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>隐患曝光</h1>
      <p>看到楼道里堵着杂物、电动自行车在楼道充电、消防车通道被占、灭火器过期……拍下来告诉我们。区消安委办核实后交所在镇街整改，整改结果会在这里公开。</p>
      <p><a class="button" href="/hazards/new">我要曝光隐患</a></p>
      <ol class="steps">
        <li><l:m><strong>提交</strong>：选择隐患类别和位置，描述情况，可附 3 张照片；可以匿名，也可以留下电话方便核实。</l:m></li>
        <li><l:m><strong>审核</strong>：公开前工作人员会隐去电话、姓名等个人信息；你会收到一个查询编号。</l:m></li>
        <li><l:m><strong>核实、交办、整改</strong>：每一步都会显示在查询页面上。</l:m></li>
      </ol>
      <p class="note"><l:m>正在发生火灾或有人员被困，请立即拨打 <strong>119</strong>。</l:m></p>
    </section>
    <section class="card" aria-labelledby="recent-h">
      <h2 id="recent-h">最近公开的隐患</h2>
      <xsl:choose>
        <xsl:when test="reports/report">
          <ul class="hazard-list">
            <xsl:for-each select="reports/report">
              <li>
                <a href="/hazards/{@id}"><xsl:call-template name="hazard-category"/></a>
                <span class="note"> · <xsl:value-of select="@region"/> · <xsl:value-of select="@day"/> · </span>
                <span class="hazard-status {@status}"><xsl:call-template name="hazard-status"/></span>
                <xsl:if test="@additions &gt; 0"><span class="note"><l:m>（另有 <xsl:value-of select="@additions"/> 人反映）</l:m></span></xsl:if>
                <p class="hazard-excerpt"><xsl:value-of select="substring(@public-text, 1, 80)"/><xsl:if test="string-length(@public-text) &gt; 80"><l:m>……</l:m></xsl:if></p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有公开的隐患报告。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
