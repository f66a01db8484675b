<?xml version="1.0" encoding="UTF-8"?>
<!-- stats-unit.xsl: one unit's learning day by day, for the admins. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="stats-daily.xsl"/>

  <xsl:template match="/page" mode="title"><xsl:value-of select="unit/@name"/> · 每日学习情况</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="u" select="unit"/>
    <section class="card">
      <h1><xsl:value-of select="$u/@name"/><xsl:if test="$u/@key = 1"><span class="tag">重点单位</span></xsl:if></h1>
      <p><a href="/admin/stats/units">返回行业部门与重点单位排名</a></p>
      <p>
        <xsl:value-of select="$u/@region"/>
        <xsl:if test="$u/@department"> · <xsl:value-of select="$u/@department"/></xsl:if>
        <xsl:text> · 人员数 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$u/@headcount"/></xsl:call-template>
        <xsl:if test="$u/@status != 'active'"> · 尚未审核通过</xsl:if>
      </p>
    </section>
    <xsl:call-template name="daily"/>
  </xsl:template>
</xsl:stylesheet>
