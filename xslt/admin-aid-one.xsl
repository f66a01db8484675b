<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-aid-one.xsl: one burn-injury aid application: its facts (the
  personal data masked; the office shows them in full with a reason,
  which the access log keeps), its documents (the office only), its
  history with who made each change, and the steps of the review that
  its status allows (the office only).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="aid-common.xsl"/>

  <xsl:template match="/page" mode="title"><l:m>救助申请 <xsl:value-of select="application/@ref"/></l:m></xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'no-reason'">请写明原因（最长 500 个字），申请人会看到。</xsl:when>
        <xsl:when test="@code = 'bad-amount'">请填写批准金额（元，大于 0，最多两位小数）。</xsl:when>
        <xsl:when test="@code = 'amount-over'">批准金额不能超过医疗费用减去已报销的部分。</xsl:when>
        <xsl:when test="@code = 'need-access-why'">请填写查看完整个人信息的理由。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="application"/>
    <xsl:variable name="office" select="$a/@office"/>
    <section class="card">
      <h1><l:m>救助申请 <span class="join-code"><xsl:value-of select="$a/@ref"/></span></l:m></h1>
      <p><a href="/admin/aid">返回救助申请列表</a></p>
      <p><strong class="profile-state"><xsl:call-template name="aid-status"><xsl:with-param name="s" select="$a/@status"/></xsl:call-template></strong>
        · <xsl:call-template name="aid-next"><xsl:with-param name="s" select="$a/@status"/></xsl:call-template>
        · <l:m>自 <xsl:value-of select="$a/@since"/> 起已 <xsl:value-of select="$a/@days"/> 天</l:m></p>
      <xsl:if test="$a/@masked and not($office)">
        <p class="note">个人信息只显示部分，材料图片只有区消安委办可以查看。</p>
      </xsl:if>
      <xsl:if test="$a/@masked and $office">
        <xsl:apply-templates select="error[@code = 'need-access-why']"/>
        <form method="post" action="/admin/aid/{$a/@id}/show" class="inline-form">
          <xsl:call-template name="csrf"/>
          <label>查看完整个人信息的理由
            <input name="why" type="text" maxlength="200" required="required" placeholder="例如：核对身份证号与银行账户"/></label>
          <button type="submit" class="button secondary small">查看完整信息</button>
          <span class="note">（每次查看都会记录）</span>
        </form>
      </xsl:if>
      <xsl:if test="$a/@status = 'approved'">
        <p><l:m>批准金额：<strong><xsl:call-template name="yuan"><xsl:with-param name="fen" select="$a/@approved"/></xsl:call-template></strong></l:m></p>
      </xsl:if>
      <xsl:if test="$a/@reason">
        <p>原因：</p><p class="notice-message"><xsl:value-of select="$a/@reason"/></p>
      </xsl:if>
      <dl class="facts">
        <dt>申请人</dt><dd><l:m><xsl:value-of select="$a/@name"/>（<xsl:call-template name="aid-relation"><xsl:with-param name="r" select="$a/@relation"/></xsl:call-template>）</l:m></dd>
        <dt>手机号</dt><dd class="nowrap"><xsl:value-of select="$a/@phone"/></dd>
        <dt>申请人身份证号</dt><dd class="nowrap"><xsl:value-of select="$a/@idno"/></dd>
        <dt>患者</dt><dd><xsl:value-of select="$a/@patient"/></dd>
        <dt>患者身份证号</dt><dd class="nowrap"><xsl:value-of select="$a/@patient_idno"/></dd>
        <dt>火灾日期</dt><dd><xsl:value-of select="$a/@date"/></dd>
        <dt>发生地</dt><dd><xsl:value-of select="$a/@region"/><xsl:text> </xsl:text><xsl:value-of select="$a/@place"/></dd>
        <xsl:if test="$office"><dt>经过</dt><dd class="pre"><xsl:value-of select="$a/@story"/></dd></xsl:if>
        <dt>救治医院</dt><dd><xsl:value-of select="$a/@hospital"/></dd>
        <dt>医疗费用</dt><dd><xsl:call-template name="yuan"><xsl:with-param name="fen" select="$a/@costs"/></xsl:call-template></dd>
        <dt>已报销</dt><dd><xsl:call-template name="yuan"><xsl:with-param name="fen" select="$a/@reimbursed"/></xsl:call-template></dd>
        <dt>收款账户</dt><dd><l:m><xsl:value-of select="$a/@bank"/>，<xsl:value-of select="$a/@holder"/>，<span class="nowrap"><xsl:value-of select="$a/@account"/></span></l:m></dd>
        <dt>提交时间</dt><dd><xsl:value-of select="$a/@created"/></dd>
      </dl>
      <xsl:if test="$office">
        <h2>材料图片</h2>
        <ul class="aid-docs">
          <xsl:for-each select="$a/document">
            <li><a href="/admin/aid/documents/{@id}"><img src="/admin/aid/documents/{@id}" alt="材料 {position()}" width="160" loading="lazy"/></a>
              <span class="note"><xsl:value-of select="@at"/></span></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
    <xsl:if test="$office and $a/@status != 'approved' and $a/@status != 'rejected'">
      <section class="card">
        <h2>审核</h2>
        <xsl:apply-templates select="error[@code != 'need-access-why']"/>
        <xsl:choose>
          <xsl:when test="$a/@status = 'submitted' or $a/@status = 'resubmitted'">
            <form method="post" action="/admin/aid/{$a/@id}/review" class="form">
              <xsl:call-template name="csrf"/>
              <button type="submit" class="button">开始审核</button>
            </form>
          </xsl:when>
          <xsl:when test="$a/@status = 'reviewing'">
            <form method="post" action="/admin/aid/{$a/@id}/approve" class="form">
              <xsl:call-template name="csrf"/>
              <label class="field"><span class="field-label"><l:m>批准金额（元，不超过 <xsl:call-template name="yuan"><xsl:with-param name="fen" select="$a/@costs - $a/@reimbursed"/></xsl:call-template>）</l:m></span>
                <input name="amount" type="text" inputmode="decimal" maxlength="13" required="required"/></label>
              <button type="submit" class="button">批准</button>
            </form>
            <form method="post" action="/admin/aid/{$a/@id}/more-info" class="form">
              <xsl:call-template name="csrf"/>
              <label class="field"><span class="field-label">需要申请人补充什么</span>
                <textarea name="reason" rows="3" maxlength="500" required="required"></textarea></label>
              <button type="submit" class="button secondary">要求补充材料</button>
            </form>
            <form method="post" action="/admin/aid/{$a/@id}/reject" class="form">
              <xsl:call-template name="csrf"/>
              <label class="field"><span class="field-label">不予批准的原因</span>
                <textarea name="reason" rows="3" maxlength="500" required="required"></textarea></label>
              <button type="submit" class="button secondary">不予批准</button>
            </form>
          </xsl:when>
          <xsl:otherwise><p class="note">等待申请人补充材料。</p></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
    <xsl:apply-templates select="notices"/>
  </xsl:template>
</xsl:stylesheet>
