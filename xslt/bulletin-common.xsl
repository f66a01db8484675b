<?xml version="1.0" encoding="UTF-8"?>
<!-- bulletin-common.xsl: a bulletin's title, for the list and the page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:template name="bulletin-title">
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$b/@kind = 'weekly'"><l:m><xsl:value-of select="substring($b/@from, 1, 4)"/>年第 <xsl:value-of select="$b/@issue"/> 期每周通报</l:m></xsl:when>
      <xsl:when test="$b/@kind = 'half-monthly'"><l:m><xsl:value-of select="substring($b/@from, 1, 4)"/>年第 <xsl:value-of select="$b/@issue"/> 期半月通报</l:m></xsl:when>
      <xsl:otherwise><l:m><xsl:value-of select="substring($b/@from, 1, 4)"/>年消防安全知晓率报告</l:m></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
