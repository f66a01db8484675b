<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: pieces that forms and lists share: the CSRF field, labelled
  inputs, number formatting.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">

  <!-- The interface's language, as HTML names it: each language's
       stylesheets are compiled with its catalog (core/l10n.c), and this
       message is the language's tag. -->
  <xsl:variable name="lang"><l:m>zh-CN</l:m></xsl:variable>

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
       breaks between its characters); English text (l = 'en', the
       language of a question's text as the page's XML says it) breaks at
       its spaces. Text in the other language than the page's is marked
       for screen readers (q-text). -->
  <xsl:template name="stem">
    <xsl:param name="s"/>
    <xsl:param name="l" select="'zh'"/>
    <xsl:call-template name="q-text">
      <xsl:with-param name="s">
        <xsl:choose>
          <xsl:when test="$l = 'en'"><xsl:value-of select="$s"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="translate($s, ' ', '&#160;')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="l" select="$l"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A question's text (an option, an explanation) in language l ('zh',
       'en'): as it is in a page of its language, in <span lang="…">
       in a page of the other. -->
  <xsl:template name="q-text">
    <xsl:param name="s"/>
    <xsl:param name="l" select="'zh'"/>
    <xsl:variable name="tag">
      <xsl:call-template name="text-lang-tag"><xsl:with-param name="l" select="$l"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$tag != ''"><span lang="{$tag}"><xsl:value-of select="$s"/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The lang attribute of an element holding text in language l, when
       that is not the page's language (nothing when it is). -->
  <xsl:template name="text-lang">
    <xsl:param name="l" select="'zh'"/>
    <xsl:variable name="tag">
      <xsl:call-template name="text-lang-tag"><xsl:with-param name="l" select="$l"/></xsl:call-template>
    </xsl:variable>
    <xsl:if test="$tag != ''"><xsl:attribute name="lang"><xsl:value-of select="$tag"/></xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template name="text-lang-tag">
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="$l = 'en' and $lang != 'en'">en</xsl:when>
      <xsl:when test="$l != 'en' and $lang = 'en'">zh-CN</xsl:when>
    </xsl:choose>
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
  <!-- The name of a question category (sql/bank/bank.rng's codes). -->
  <xsl:template name="category-name">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c = 'law'">消防法律法规与责任</xsl:when>
      <xsl:when test="$c = 'duty'">消防安全职责与制度</xsl:when>
      <xsl:when test="$c = 'inspect'">防火检查巡查</xsl:when>
      <xsl:when test="$c = 'drill'">预案、演练与培训</xsl:when>
      <xsl:when test="$c = 'facility'">消防设施器材</xsl:when>
      <xsl:when test="$c = 'extinguisher'">灭火器</xsl:when>
      <xsl:when test="$c = 'hydrant'">消火栓</xsl:when>
      <xsl:when test="$c = 'evacuation'">疏散逃生</xsl:when>
      <xsl:when test="$c = 'alarm'">报警与初起火灾</xsl:when>
      <xsl:when test="$c = 'electric'">用电安全</xsl:when>
      <xsl:when test="$c = 'ebike'">电动自行车</xsl:when>
      <xsl:when test="$c = 'gas'">燃气与用火</xsl:when>
      <xsl:when test="$c = 'highrise'">高层建筑</xsl:when>
      <xsl:when test="$c = 'rental'">出租房屋</xsl:when>
      <xsl:when test="$c = 'school'">校园</xsl:when>
      <xsl:when test="$c = 'workplace'">生产经营场所</xsl:when>
      <xsl:when test="$c = 'crowd'">人员密集场所</xsl:when>
      <xsl:when test="$c = 'firstaid'">烧烫伤急救</xsl:when>
      <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
