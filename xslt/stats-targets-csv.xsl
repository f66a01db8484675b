<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-targets-csv.xsl: a month's figures against the targets as CSV
  for Excel (csv.xsl): one line a street or town, then the total.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="stats-common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:include href="csv.xsl"/>

  <xsl:template name="line">
    <xsl:param name="name"/>
    <xsl:call-template name="field"><xsl:with-param name="s" select="$name"/></xsl:call-template>
    <xsl:text>,</xsl:text><xsl:value-of select="@population"/>
    <xsl:text>,</xsl:text><xsl:value-of select="@target"/>
    <xsl:text>,</xsl:text><xsl:value-of select="@counted"/>
    <xsl:text>,</xsl:text><xsl:value-of select="@manual"/><xsl:if test="not(@manual)">0</xsl:if>
    <xsl:text>,</xsl:text><xsl:value-of select="@completion"/>
    <xsl:text>,</xsl:text><xsl:call-template name="state-name"><xsl:with-param name="s" select="@state"/></xsl:call-template>
    <xsl:value-of select="$crlf"/>
  </xsl:template>

  <xsl:template match="/page">
    <xsl:text>&#xFEFF;</xsl:text><xsl:text>月份,镇街,常住人口,月目标,计入,手动定位（不计入）,完成率（%）,状态</xsl:text>
    <xsl:value-of select="$crlf"/>
    <xsl:for-each select="stats/region">
      <xsl:value-of select="/page/stats/@month"/><xsl:text>,</xsl:text>
      <xsl:call-template name="line"><xsl:with-param name="name" select="@name"/></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="stats/@only = 0">
      <xsl:for-each select="stats/total">
        <xsl:value-of select="/page/stats/@month"/><xsl:text>,</xsl:text>
        <xsl:call-template name="line"><xsl:with-param name="name" select="'合计'"/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
