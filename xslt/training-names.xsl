<?xml version="1.0" encoding="UTF-8"?>
<!--
  training-names.xsl: the words of training bookings (预约培训) that the
  public and the admin pages share: topics, parts of the day, statuses,
  a preferred day, and the topics as a select.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">

  <xsl:template name="training-topic">
    <xsl:param name="t"/>
    <xsl:param name="other"/>
    <xsl:choose>
      <xsl:when test="$t = 'basics'">消防安全基础知识</xsl:when>
      <xsl:when test="$t = 'extinguisher'">灭火器和室内消火栓的使用</xsl:when>
      <xsl:when test="$t = 'evacuation'">火场疏散逃生与自救</xsl:when>
      <xsl:when test="$t = 'ebike'">电动自行车消防安全</xsl:when>
      <xsl:when test="$t = 'rental'">出租房（群租房）消防安全</xsl:when>
      <xsl:when test="$t = 'duty'">消防安全责任人和管理人履职</xsl:when>
      <xsl:when test="$t = 'small-venue'">九小场所消防安全</xsl:when>
      <xsl:when test="$t = 'other'"><l:m>其他：<xsl:value-of select="$other"/></l:m></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="training-part">
    <xsl:param name="p"/>
    <xsl:choose>
      <xsl:when test="$p = 'am'">上午</xsl:when>
      <xsl:when test="$p = 'pm'">下午</xsl:when>
      <xsl:when test="$p = 'eve'">晚上</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="training-status">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'requested'">待答复</xsl:when>
      <xsl:when test="$s = 'proposed'">已建议改期，待申请人确认</xsl:when>
      <xsl:when test="$s = 'confirmed'">已确认</xsl:when>
      <xsl:when test="$s = 'declined'">未能安排</xsl:when>
      <xsl:when test="$s = 'cancelled'">已取消</xsl:when>
      <xsl:when test="$s = 'done'">已完成培训</xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The preferred days of a request element: "2026-12-10 上午；…" -->
  <xsl:template name="training-wishes">
    <xsl:param name="r"/>
    <xsl:for-each select="$r/@day1 | $r/@day2 | $r/@day3">
      <xsl:variable name="k" select="substring-after(name(), 'day')"/>
      <xsl:if test="position() &gt; 1">；</xsl:if>
      <xsl:value-of select="."/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="training-part">
        <xsl:with-param name="p" select="$r/@*[name() = concat('part', $k)]"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:variable name="training-topics" select="'basics extinguisher evacuation ebike rental duty small-venue other '"/>

  <!-- The topics as options, the one given selected. -->
  <xsl:template name="training-topic-options">
    <xsl:param name="selected"/>
    <xsl:param name="rest" select="$training-topics"/>
    <xsl:if test="$rest != ''">
      <xsl:variable name="t" select="substring-before($rest, ' ')"/>
      <option value="{$t}">
        <xsl:if test="$t = $selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:choose>
          <xsl:when test="$t = 'other'">其他（请在下面注明）</xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="training-topic">
              <xsl:with-param name="t" select="$t"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </option>
      <xsl:call-template name="training-topic-options">
        <xsl:with-param name="selected" select="$selected"/>
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
