<?xml version="1.0" encoding="UTF-8"?>
<!--
  csv.xsl: what every CSV export shares: CRLF line ends, and a field
  quoted when it holds a comma, a quote or a line end, with a leading
  apostrophe before what a spreadsheet would take for a formula (=, +,
  -, @). Each export starts with a byte-order mark, which is what makes
  Excel read UTF-8 Chinese right.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:variable name="crlf" select="'&#13;&#10;'"/>

  <!-- s with every " doubled. -->
  <xsl:template name="quotes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="substring-before($s, '&quot;')"/>
        <xsl:text>""</xsl:text>
        <xsl:call-template name="quotes">
          <xsl:with-param name="s" select="substring-after($s, '&quot;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="field">
    <xsl:param name="s"/>
    <xsl:variable name="formula" select="starts-with($s, '=') or starts-with($s, '+') or starts-with($s, '-') or starts-with($s, '@')"/>
    <xsl:choose>
      <xsl:when test="$formula or contains($s, ',') or contains($s, '&quot;') or contains($s, '&#10;') or contains($s, '&#13;')">
        <xsl:text>"</xsl:text>
        <xsl:if test="$formula">'</xsl:if>
        <xsl:call-template name="quotes"><xsl:with-param name="s" select="$s"/></xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
