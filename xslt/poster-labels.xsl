<?xml version="1.0" encoding="UTF-8"?>
<!--
  poster-labels.xsl: the words of a unit's join poster (unit/poster.c),
  in the request's language: one label a line, its name, a tab, its
  text (core/render.c, render_labels). The input is
  <poster jurisdiction="…" code="ABCD EFGH"/>.
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

  <xsl:template match="/poster">
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'title'"/>
      <xsl:with-param name="text">扫码加入单位</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'brand'"/>
      <xsl:with-param name="text"><l:m><xsl:value-of select="@jurisdiction"/> · 消防蓝码</l:m></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'code'"/>
      <xsl:with-param name="text"><l:m>加入码  <xsl:value-of select="@code"/></l:m></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'how'"/>
      <xsl:with-param name="text">用手机扫码，登录后申请加入本单位</xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="label">
      <xsl:with-param name="name" select="'after'"/>
      <xsl:with-param name="text">单位管理员审核通过后，学习和答题计入本单位</xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
