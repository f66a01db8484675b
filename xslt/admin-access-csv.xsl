<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-access-csv.xsl: the access log of personal data as CSV (csv.xsl). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:include href="csv.xsl"/>
  <xsl:include href="access-names.xsl"/>

  <xsl:template match="/page">
    <xsl:text>&#xFEFF;时间,账号,姓名,对象,编号,信息,理由,IP</xsl:text>
    <xsl:value-of select="$crlf"/>
    <xsl:for-each select="access/entry">
      <xsl:value-of select="@at"/><xsl:text>,</xsl:text>
      <xsl:call-template name="field"><xsl:with-param name="s" select="@login"/></xsl:call-template><xsl:text>,</xsl:text>
      <xsl:call-template name="field"><xsl:with-param name="s" select="@name"/></xsl:call-template><xsl:text>,</xsl:text>
      <xsl:apply-templates select="@subject"/><xsl:text>,</xsl:text>
      <xsl:value-of select="@ref"/><xsl:if test="not(@ref)"><xsl:value-of select="@subject-id"/></xsl:if><xsl:text>,</xsl:text>
      <xsl:apply-templates select="@field"/><xsl:text>,</xsl:text>
      <xsl:call-template name="field"><xsl:with-param name="s" select="@reason"/></xsl:call-template><xsl:text>,</xsl:text>
      <xsl:value-of select="@ip"/>
      <xsl:value-of select="$crlf"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
