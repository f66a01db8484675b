<?xml version="1.0" encoding="UTF-8"?>
<!--
  privacy-json.xsl: everything held about a person as JSON: an object of
  parts, each an array of objects of strings, escaped as RFC 8259 says
  (the quote, the backslash and the control characters a text can hold).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>

  <!-- s with every a replaced by b. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="contains($s, $a)">
        <xsl:value-of select="substring-before($s, $a)"/>
        <xsl:value-of select="$b"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $a)"/>
          <xsl:with-param name="a" select="$a"/>
          <xsl:with-param name="b" select="$b"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="string">
    <xsl:param name="s"/>
    <xsl:variable name="s1"><xsl:call-template name="replace"><xsl:with-param name="s" select="$s"/><xsl:with-param name="a" select="'\'"/><xsl:with-param name="b" select="'\\'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="s2"><xsl:call-template name="replace"><xsl:with-param name="s" select="$s1"/><xsl:with-param name="a" select="'&quot;'"/><xsl:with-param name="b" select="'\&quot;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="s3"><xsl:call-template name="replace"><xsl:with-param name="s" select="$s2"/><xsl:with-param name="a" select="'&#10;'"/><xsl:with-param name="b" select="'\n'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="s4"><xsl:call-template name="replace"><xsl:with-param name="s" select="$s3"/><xsl:with-param name="a" select="'&#13;'"/><xsl:with-param name="b" select="'\r'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="s5"><xsl:call-template name="replace"><xsl:with-param name="s" select="$s4"/><xsl:with-param name="a" select="'&#9;'"/><xsl:with-param name="b" select="'\t'"/></xsl:call-template></xsl:variable>
    <xsl:text>"</xsl:text><xsl:value-of select="$s5"/><xsl:text>"</xsl:text>
  </xsl:template>

  <xsl:template match="/page">
    <xsl:text>{"site":</xsl:text>
    <xsl:call-template name="string"><xsl:with-param name="s" select="jurisdiction/@full-name"/></xsl:call-template>
    <xsl:for-each select="data/part">
      <xsl:text>,&#10;"</xsl:text><xsl:value-of select="@name"/><xsl:text>":[</xsl:text>
      <xsl:for-each select="row">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:text>{</xsl:text>
        <xsl:for-each select="@*">
          <xsl:if test="position() &gt; 1">,</xsl:if>
          <xsl:text>"</xsl:text><xsl:value-of select="local-name()"/><xsl:text>":</xsl:text>
          <xsl:call-template name="string"><xsl:with-param name="s" select="."/></xsl:call-template>
        </xsl:for-each>
        <xsl:text>}</xsl:text>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
    <xsl:text>}&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
