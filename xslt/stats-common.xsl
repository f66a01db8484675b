<?xml version="1.0" encoding="UTF-8"?>
<!-- stats-common.xsl: what the statistics pages share: states, rates. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">

  <xsl:template name="state-name">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'met'">已完成</xsl:when>
      <xsl:when test="$s = 'on-track'">进度正常</xsl:when>
      <xsl:when test="$s = 'behind'">进度滞后</xsl:when>
      <xsl:otherwise>无目标</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A percentage with one decimal, or a dash when of nothing. -->
  <xsl:template name="pct">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) != ''"><xsl:value-of select="$v"/>%</xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2026-12 → 2026年12月 -->
  <xsl:template name="month-name">
    <xsl:param name="m"/>
    <l:m><xsl:value-of select="substring($m, 1, 4)"/>年<xsl:value-of select="number(substring($m, 6, 2))"/>月
  </l:m></xsl:template>
</xsl:stylesheet>
