<?xml version="1.0" encoding="UTF-8"?>
<!-- bulletin-common.xsl: a bulletin's title, for the list and the page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="bulletin-title">
    <xsl:param name="b"/>
    <xsl:value-of select="substring($b/@from, 1, 4)"/>
    <xsl:text>年</xsl:text>
    <xsl:choose>
      <xsl:when test="$b/@kind = 'weekly'">第 <xsl:value-of select="$b/@issue"/> 期每周通报</xsl:when>
      <xsl:when test="$b/@kind = 'half-monthly'">第 <xsl:value-of select="$b/@issue"/> 期半月通报</xsl:when>
      <xsl:otherwise>消防安全知晓率报告</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
