<?xml version="1.0" encoding="UTF-8"?>
<!--
  badge-labels.xsl: the words a blue code's badge draws (code/badge.c),
  in the request's language: one label a line, its name, a tab, its
  text (core/render.c, render_labels). The input is
  <badge jurisdiction="…" issued="…" expires="…"/>.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="label">
    <xsl:param name="name"/>
    <xsl:param name="text"/>
    <xsl:value-of select="$name"/>
    <xsl:text>&#9;</xsl:text>
    <xsl:value-of select="$text"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="/badge">
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'title'"/>
      <xsl:with-param name="text">消防蓝码</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'card-head'"/>
      <xsl:with-param name="text"><l:m>消防蓝码 · <xsl:value-of select="@jurisdiction"/></l:m></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'holder'"/>
      <xsl:with-param name="text">持 有 人</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'role'"/>
      <xsl:with-param name="text">角    色</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'region'"/>
      <xsl:with-param name="text">所在镇街</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'valid'"/>
      <xsl:with-param name="text">有 效 期</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="text">编    号</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'validity'"/>
      <xsl:with-param name="text"><l:m><xsl:value-of select="@issued"/> 至 <xsl:value-of select="@expires"/></l:m></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'scan'"/>
      <xsl:with-param name="text">扫码核验真伪</xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
