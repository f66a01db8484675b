<?xml version="1.0" encoding="UTF-8"?>
<!--
  aid-track.xsl: an aid application's tracking page: the question for
  the applicant's mobile number; then the status, the reason or the
  approved amount, the application with its personal data masked, the
  history, and (when more information is asked for) the form that adds
  documents and a note.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="aid-common.xsl"/>

  <xsl:template match="/page" mode="title"><l:m>救助申请 <xsl:value-of select="ask/@ref | application/@ref"/></l:m></xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'wrong-phone'">申请编号或手机号不对，请核对后再试。</xsl:when>
        <xsl:when test="@code = 'too-many'">这个申请编号一小时内输错手机号的次数太多，请一小时后再试。</xsl:when>
        <xsl:when test="@code = 'bad-note'">补充说明最长 500 个字。</xsl:when>
        <xsl:otherwise><xsl:call-template name="aid-doc-error"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="done">
    <p class="flash" role="status">
      <xsl:if test="@code = 'resubmitted'">材料已补充，申请已重新提交，等待审核。</xsl:if>
    </p>
  </xsl:template>

  <xsl:template match="ask">
    <section class="card">
      <h1><l:m>救助申请 <span class="join-code"><xsl:value-of select="@ref"/></span></l:m></h1>
      <xsl:apply-templates select="/page/error"/>
      <form method="post" action="/aid/r/{@ref}" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">请输入申请时填写的手机号</span>
          <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required" autocomplete="tel"/></label>
        <button type="submit" class="button">查询办理进度</button>
      </form>
      <p class="note">请记下申请编号，凭编号和手机号查询。</p>
    </section>
  </xsl:template>

  <xsl:template match="application">
    <section class="card">
      <h1><l:m>救助申请 <span class="join-code"><xsl:value-of select="@ref"/></span></l:m></h1>
      <xsl:apply-templates select="/page/done"/>
      <p><strong class="profile-state">
        <xsl:call-template name="aid-status"><xsl:with-param name="s" select="@status"/></xsl:call-template>
      </strong></p>
      <xsl:if test="@status = 'approved'">
        <p><l:m>批准救助金额：<strong><xsl:call-template name="yuan"><xsl:with-param name="fen" select="@approved"/></xsl:call-template></strong>，将转入下面的收款账户。</l:m></p>
      </xsl:if>
      <xsl:if test="@reason and (@status = 'more-info' or @status = 'rejected')">
        <p>
          <xsl:choose>
            <xsl:when test="@status = 'more-info'">需要补充的材料或说明：</xsl:when>
            <xsl:otherwise>未获批准的原因：</xsl:otherwise>
          </xsl:choose>
        </p>
        <p class="notice-message"><xsl:value-of select="@reason"/></p>
      </xsl:if>
      <dl class="facts">
        <dt>申请人</dt><dd><l:m><xsl:value-of select="@name"/>（<xsl:call-template name="aid-relation"><xsl:with-param name="r" select="@relation"/></xsl:call-template>），<span class="nowrap"><xsl:value-of select="@phone"/></span>，身份证 <span class="nowrap"><xsl:value-of select="@idno"/></span></l:m></dd>
        <dt>患者</dt><dd><l:m><xsl:value-of select="@patient"/>，身份证 <span class="nowrap"><xsl:value-of select="@patient_idno"/></span></l:m></dd>
        <dt>火灾</dt><dd><l:m><xsl:value-of select="@date"/>，<xsl:value-of select="@region"/><xsl:text> </xsl:text><xsl:value-of select="@place"/></l:m></dd>
        <dt>救治医院</dt><dd><xsl:value-of select="@hospital"/></dd>
        <dt>医疗费用</dt><dd><l:m><xsl:call-template name="yuan"><xsl:with-param name="fen" select="@costs"/></xsl:call-template>，已报销 <xsl:call-template name="yuan"><xsl:with-param name="fen" select="@reimbursed"/></xsl:call-template></l:m></dd>
        <dt>收款账户</dt><dd><l:m><xsl:value-of select="@bank"/>，<xsl:value-of select="@holder"/>，<span class="nowrap"><xsl:value-of select="@account"/></span></l:m></dd>
        <dt>材料</dt><dd><l:m><xsl:value-of select="@docs"/> 张图片</l:m></dd>
        <dt>提交日期</dt><dd><xsl:value-of select="@created"/></dd>
      </dl>
      <xsl:if test="@status = 'more-info'">
        <h2>补充材料</h2>
        <xsl:apply-templates select="/page/error"/>
        <form method="post" action="/aid/r/{@ref}/more" enctype="multipart/form-data" class="form">
          <xsl:call-template name="csrf"/>
          <label class="field"><span class="field-label">申请时填写的手机号</span>
            <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required" autocomplete="tel"/></label>
          <label class="field"><span class="field-label">补充说明（可不填）</span>
            <textarea name="note" rows="3" maxlength="500"></textarea></label>
          <label class="field"><span class="field-label">材料图片（1–6 张）</span>
            <input name="doc" type="file" accept="image/jpeg,image/png,image/webp" multiple="multiple" required="required"/></label>
          <button type="submit" class="button">补充并重新提交</button>
        </form>
      </xsl:if>
      <xsl:if test="@status != 'more-info'">
        <xsl:apply-templates select="/page/error"/>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:apply-templates select="ask | application"/>
    <xsl:apply-templates select="notices"/>
  </xsl:template>
</xsl:stylesheet>
