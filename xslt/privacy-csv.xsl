<?xml version="1.0" encoding="UTF-8"?>
<!--
  privacy-csv.xsl: everything held about a person as CSV (csv.xsl): one
  line a value: the part, the row's number in it, the column, the value.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:include href="csv.xsl"/>
  <xsl:include href="privacy-names.xsl"/>

  <xsl:template match="/page">
    <xsl:text>&#xFEFF;</xsl:text>
    <xsl:text>类别,序号,项目,内容</xsl:text>
    <xsl:value-of select="$crlf"/>
    <xsl:for-each select="data/part/row">
      <xsl:variable name="part"><xsl:for-each select=".."><xsl:call-template name="part-name"/></xsl:for-each></xsl:variable>
      <xsl:variable name="n" select="position()"/>
      <xsl:for-each select="@*">
        <xsl:value-of select="$part"/><xsl:text>,</xsl:text>
        <xsl:value-of select="count(../preceding-sibling::row) + 1"/><xsl:text>,</xsl:text>
        <xsl:call-template name="column-name"/><xsl:text>,</xsl:text>
        <xsl:call-template name="field"><xsl:with-param name="s" select="."/></xsl:call-template>
        <xsl:value-of select="$crlf"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
