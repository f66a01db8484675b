<?xml version="1.0" encoding="UTF-8"?>
<!--
  unit-members-csv.xsl: a unit's members as CSV for Excel: UTF-8 with a
  byte-order mark, CRLF line ends, fields quoted when they hold a comma,
  a quote or a line end, and a leading apostrophe before what a
  spreadsheet would take for a formula (=, +, -, @).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:include href="csv.xsl"/>

  <xsl:template match="/page">
    <xsl:text>&#xFEFF;</xsl:text>
    <xsl:text>姓名,手机号,身份,状态,加入日期,蓝码状态,蓝码剩余天数,学习积分</xsl:text>
    <xsl:value-of select="$crlf"/>
    <xsl:for-each select="members/member">
      <xsl:call-template name="field"><xsl:with-param name="s" select="@name"/></xsl:call-template>
      <xsl:text>,</xsl:text>
      <xsl:value-of select="@phone"/>
      <xsl:text>,</xsl:text>
      <xsl:choose><xsl:when test="@admin = 1">单位管理员</xsl:when><xsl:otherwise>成员</xsl:otherwise></xsl:choose>
      <xsl:text>,</xsl:text>
      <xsl:choose><xsl:when test="@status = 'active'">已加入</xsl:when><xsl:otherwise>待审核</xsl:otherwise></xsl:choose>
      <xsl:text>,</xsl:text>
      <xsl:value-of select="@joined"/>
      <xsl:text>,</xsl:text>
      <xsl:choose>
        <xsl:when test="@code-status = 'valid'">有效</xsl:when>
        <xsl:when test="@code-status = 'expiring'">即将到期</xsl:when>
        <xsl:when test="@code-status = 'expired'">已过期</xsl:when>
        <xsl:when test="@code-status = 'none'">未领取</xsl:when>
      </xsl:choose>
      <xsl:text>,</xsl:text>
      <xsl:if test="@code-status and @code-status != 'none'"><xsl:value-of select="@days"/></xsl:if>
      <xsl:text>,</xsl:text>
      <xsl:value-of select="@points"/>
      <xsl:value-of select="$crlf"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
