<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-unit.xsl: one unit for the admins whose scope covers it: its
  members (approved, waiting, holding a valid code, of the headcount),
  their points, and its learning day by day.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="stats-daily.xsl"/>

  <xsl:template match="/page" mode="title"><xsl:value-of select="unit/@name"/> · 每日学习情况</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="u" select="unit"/>
    <section class="card">
      <h1><xsl:value-of select="$u/@name"/><xsl:if test="$u/@key = 1"><span class="tag">重点单位</span></xsl:if></h1>
      <xsl:choose>
        <xsl:when test="/page/session/admin/@scope = 'unit'"><p><a href="/admin">返回管理首页</a></p></xsl:when>
        <xsl:otherwise><p><a href="/admin/stats/units">返回行业部门与重点单位排名</a></p></xsl:otherwise>
      </xsl:choose>
      <p>
        <xsl:value-of select="$u/@region"/>
        <xsl:if test="$u/@department"> · <xsl:value-of select="$u/@department"/></xsl:if>
        <xsl:text> · 人员数 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$u/@headcount"/></xsl:call-template>
        <xsl:if test="$u/@status != 'active'"> · 尚未审核通过</xsl:if>
      </p>
      <p class="unit-figures">
        <xsl:text>注册成员 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$u/@registered"/></xsl:call-template>
        <xsl:if test="$u/@headcount &gt; 0"><l:m>（注册率 <xsl:value-of select="format-number($u/@registered * 100 div $u/@headcount, '0.0')"/>%）</l:m></xsl:if>
        <xsl:text> · 待审核 </xsl:text><xsl:value-of select="$u/@pending"/>
        <xsl:text> · 持有效蓝码 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$u/@valid"/></xsl:call-template>
        <xsl:if test="$u/@headcount &gt; 0"><l:m>（覆盖率 <xsl:value-of select="format-number($u/@valid * 100 div $u/@headcount, '0.0')"/>%）</l:m></xsl:if>
        <xsl:text> · 总积分 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$u/@points"/></xsl:call-template>
      </p>
    </section>
    <xsl:call-template name="daily"/>
  </xsl:template>
</xsl:stylesheet>
