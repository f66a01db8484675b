<?xml version="1.0" encoding="UTF-8"?>
<!--
  hazard.xsl: a hazard report. view="track": the reporter's page by its
  tracking number: what they wrote, the status, the office's answer, the
  history. view="public": the report as everyone sees it once moderated
  (the text without personal data, the photos not hidden), and the form
  by which someone who saw it too adds to it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="hazard-names.xsl"/>
  <xsl:import href="notice.xsl"/>

  <xsl:template match="/page" mode="title">
    <xsl:for-each select="report"><xsl:call-template name="hazard-category"/></xsl:for-each>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="track" select="@view = 'track'"/>
    <xsl:for-each select="report">
      <section class="card">
        <xsl:if test="$track">
          <p><l:m>查询编号 <span class="join-code"><xsl:value-of select="@ref"/></span></l:m></p>
        </xsl:if>
        <h1><xsl:call-template name="hazard-category"/></h1>
        <p>
          <span class="hazard-status {@status}"><xsl:call-template name="hazard-status"/></span>
          <span class="note"><l:m> · <xsl:value-of select="@region"/> · <xsl:value-of select="@at"/> 提交</l:m></span>
          <xsl:if test="@additions &gt; 0"><span class="note"><l:m> · 另有 <xsl:value-of select="@additions"/> 人反映</l:m></span></xsl:if>
        </p>
        <xsl:if test="@status = 'rejected'">
          <p class="flash-inline">不予受理：<xsl:call-template name="hazard-reject-reason"/>
            <xsl:if test="@duplicate-of"><l:m>（<a href="/hazards/{@duplicate-of}">查看那条报告</a>）</l:m></xsl:if></p>
        </xsl:if>
        <xsl:if test="@resolution">
          <h2>整改情况</h2>
          <p class="hazard-text"><xsl:value-of select="@resolution"/></p>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$track">
            <h2>你反映的情况</h2>
            <xsl:if test="@address"><p><xsl:value-of select="@address"/></p></xsl:if>
            <p class="hazard-text"><xsl:value-of select="@description"/></p>
            <xsl:choose>
              <xsl:when test="@moderated = 1 and @public-text != @description">
                <p class="note">公开的内容：</p>
                <p class="hazard-text"><xsl:value-of select="@public-text"/></p>
              </xsl:when>
              <xsl:when test="@moderated = 0">
                <p class="note">工作人员审核后公开：公开前会隐去电话、姓名等个人信息。</p>
              </xsl:when>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="@moderated = 1">
            <xsl:if test="@public-address"><p><xsl:value-of select="@public-address"/></p></xsl:if>
            <p class="hazard-text"><xsl:value-of select="@public-text"/></p>
          </xsl:when>
          <xsl:otherwise>
            <p class="note">内容审核中，审核后公开。</p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:apply-templates select="photos"/>
      </section>
    </xsl:for-each>
    <xsl:apply-templates select="notices"/>
    <xsl:if test="not($track) and report[@status = 'new' or @status = 'verified' or @status = 'assigned' or @status = 'rectifying']">
      <xsl:call-template name="add-form"/>
    </xsl:if>
    <p><a href="/hazards">返回隐患曝光</a></p>
  </xsl:template>

  <xsl:template match="photos">
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="/page/@view = 'track'">/hazards/r/<xsl:value-of select="../@ref"/></xsl:when>
        <xsl:otherwise>/hazards/<xsl:value-of select="../@id"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="photo[@hidden = 0]">
      <div class="hazard-photos">
        <xsl:for-each select="photo[@hidden = 0]">
          <a href="{$base}/photos/{@id}"><img src="{$base}/photos/{@id}" width="{@width}" height="{@height}" alt="现场照片 {position()}" loading="lazy"/></a>
        </xsl:for-each>
      </div>
    </xsl:if>
    <xsl:if test="/page/@view = 'track'">
      <xsl:for-each select="photo[@hidden = 1]">
        <p class="note"><l:m>有一张照片没有公开：<xsl:value-of select="@reason"/></l:m></p>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="add-form">
    <section class="card" id="add" aria-labelledby="add-h">
      <h2 id="add-h">我也看到了</h2>
      <p class="note">同一处隐患不必重复提交。补充你看到的情况或照片，工作人员会一并处理。</p>
      <xsl:apply-templates select="error" mode="hazard"/>
      <form method="post" action="/hazards/{report/@id}/add" enctype="multipart/form-data" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">补充说明</span>
          <textarea name="description" rows="3" maxlength="1000"><xsl:value-of select="error/@description"/></textarea></label>
        <label class="field"><span class="field-label">照片（最多 3 张）</span>
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" multiple="multiple"/></label>
        <label class="field"><span class="field-label">手机号（可不填；不会公开）</span>
          <input name="phone" type="tel" inputmode="numeric" maxlength="11" autocomplete="tel"/></label>
        <button type="submit" class="button secondary">提交补充</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
