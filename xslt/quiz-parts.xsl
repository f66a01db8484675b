<?xml version="1.0" encoding="UTF-8"?>
<!--
  quiz-parts.xsl: the fragments of a question page (core/fragment.c),
  each rendered once per worker and kept: the question's legend (its type
  and stem), one option, one cell of the answer card. quiz-question.xsl
  copies them into the page as they are.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/legend">
    <span class="qtype qtype-{@type}">
      <xsl:choose>
        <xsl:when test="@type = 'multi'">多选题</xsl:when>
        <xsl:when test="@type = 'truefalse'">判断题</xsl:when>
        <xsl:otherwise>单选题</xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:call-template name="stem"><xsl:with-param name="s" select="."/><xsl:with-param name="l" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/option">
    <label class="opt">
      <input name="o" value="{@pos}">
        <xsl:attribute name="type">
          <xsl:choose>
            <xsl:when test="@type = 'multi'">checkbox</xsl:when>
            <xsl:otherwise>radio</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="@on"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <span class="opt-key"><xsl:value-of select="substring('ABCDEF', @pos + 1, 1)"/></span>
      <span class="opt-text"><xsl:call-template name="text-lang"><xsl:with-param name="l" select="@lang"/></xsl:call-template><xsl:value-of select="."/></span>
    </label>
  </xsl:template>

  <xsl:template match="/cell">
    <button type="submit" name="go" value="{@pos}">
      <xsl:attribute name="class">
        <xsl:text>cell</xsl:text>
        <xsl:if test="@on"> answered</xsl:if>
        <xsl:if test="@current"> current</xsl:if>
      </xsl:attribute>
      <xsl:attribute name="aria-label">
        <l:m>第 <xsl:value-of select="@pos"/> 题，</l:m>
        <xsl:choose>
          <xsl:when test="@on">已答</xsl:when>
          <xsl:otherwise>未答</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@current"><xsl:attribute name="aria-current">step</xsl:attribute></xsl:if>
      <xsl:value-of select="@pos"/>
    </button>
  </xsl:template>
</xsl:stylesheet>
