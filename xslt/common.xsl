<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: pieces that forms and lists share: the CSRF field, labelled
  inputs, number formatting.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The hidden CSRF field every POST form carries. -->
  <xsl:template name="csrf">
    <input type="hidden" name="csrf" value="{/page/session/@csrf}"/>
  </xsl:template>

  <!-- A labelled input: name, label, type, value, autocomplete. -->
  <xsl:template name="field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="autocomplete" select="'off'"/>
    <label class="field">
      <span class="field-label"><xsl:value-of select="$label"/></span>
      <input name="{$name}" type="{$type}" value="{$value}"
          autocomplete="{$autocomplete}" required="required"/>
    </label>
  </xsl:template>

  <!-- A question's text with unbreakable spaces, so that the blank "（  ）"
       and "GB 50016" are never split across lines (Chinese text still
       breaks between its characters). -->
  <xsl:template name="stem">
    <xsl:param name="s"/>
    <xsl:value-of select="translate($s, ' ', '&#160;')"/>
  </xsl:template>

  <!-- 1346190 → 1,346,190; no number → the text of "none" -->
  <xsl:template name="num">
    <xsl:param name="n"/>
    <xsl:param name="none" select="'—'"/>
    <xsl:choose>
      <xsl:when test="string(number($n)) = 'NaN'"><xsl:value-of select="$none"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($n, '#,##0')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
