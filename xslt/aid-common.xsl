<?xml version="1.0" encoding="UTF-8"?>
<!--
  aid-common.xsl: what the burn-injury aid pages share, public and admin:
  the names of relations and statuses, amounts in yuan from fen, who
  acts next, and why documents were refused.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="notice.xsl"/>

  <!-- The applicant's relation to the patient. -->
  <xsl:template name="aid-relation">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r = 'self'">本人</xsl:when>
      <xsl:when test="$r = 'spouse'">配偶</xsl:when>
      <xsl:when test="$r = 'parent'">父母</xsl:when>
      <xsl:when test="$r = 'child'">子女</xsl:when>
      <xsl:when test="$r = 'relative'">其他近亲属</xsl:when>
      <xsl:when test="$r = 'guardian'">监护人</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="aid-status">
    <xsl:param name="s"/>
    <xsl:call-template name="notice-status">
      <xsl:with-param name="kind" select="'aid'"/>
      <xsl:with-param name="status" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Whom an application waits for. -->
  <xsl:template name="aid-next">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'submitted' or $s = 'resubmitted'">待审核</xsl:when>
      <xsl:when test="$s = 'reviewing'">审核中</xsl:when>
      <xsl:when test="$s = 'more-info'">待申请人补充</xsl:when>
      <xsl:otherwise>已办结</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 123456 fen → 1,234.56 元 -->
  <xsl:template name="yuan">
    <xsl:param name="fen"/>
    <xsl:value-of select="format-number($fen div 100, '#,##0.00')"/>
    <xsl:text> 元</xsl:text>
  </xsl:template>

  <!-- Why documents were refused (a photo's code names the file). -->
  <xsl:template name="aid-doc-error">
    <xsl:if test="@n">
      <l:m><xsl:text>第 </xsl:text><xsl:value-of select="@n"/><xsl:text> 个文件</xsl:text>
      <xsl:if test="@file">“<xsl:value-of select="@file"/>”</xsl:if>
      <xsl:text>：</xsl:text></l:m>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@code = 'no-docs'">请至少上传 1 张材料图片（身份证、诊断证明、医疗费发票等）。</xsl:when>
      <xsl:when test="@code = 'too-many-docs'">一次最多上传 6 张材料图片（每个申请合计不超过 24 张）。</xsl:when>
      <xsl:when test="@code = 'photo-big'">文件太大，每张图片不能超过 10 MB。</xsl:when>
      <xsl:when test="@code = 'photo-type'">不是图片。只接收 JPEG、PNG 或 WebP 格式的照片或扫描件。</xsl:when>
      <xsl:when test="@code = 'photo-bomb'">图片的像素太多（每边不超过 12000 像素，合计不超过 4000 万像素），请缩小后再上传。</xsl:when>
      <xsl:when test="@code = 'photo-broken'">图片不完整或已损坏，请重新拍照或扫描后上传。</xsl:when>
      <xsl:when test="@code = 'photo-extra'">图片中夹带了其他文件或网页代码，不能接收。请上传拍照或扫描直接得到的图片。</xsl:when>
      <xsl:when test="@code = 'photo-error'">处理图片时出错，请稍后再试。</xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
