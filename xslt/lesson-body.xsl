<?xml version="1.0" encoding="UTF-8"?>
<!--
  lesson-body.xsl: the lesson vocabulary (p, h, ul, ol, note, source,
  strong; sql/course/courses.rng) as HTML, for the lesson page and the
  admin's preview of a lesson.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="body/p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="body/h"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="body/ul"><ul class="lesson-list"><xsl:apply-templates select="li"/></ul></xsl:template>
  <xsl:template match="body/ol"><ol class="lesson-list"><xsl:apply-templates select="li"/></ol></xsl:template>
  <xsl:template match="body//li"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="body//strong"><strong><xsl:value-of select="."/></strong></xsl:template>
  <xsl:template match="body/note"><p class="lesson-note"><strong>提示：</strong><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="body/source"><p class="note">依据：<xsl:apply-templates/></p></xsl:template>
</xsl:stylesheet>
