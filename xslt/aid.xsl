<?xml version="1.0" encoding="UTF-8"?>
<!--
  aid.xsl: 申请火灾烧伤救助: who can apply, what to prepare, and the
  application form with its document images; why a form was refused
  (what was typed is filled in again, documents must be chosen again).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="aid-common.xsl"/>

  <xsl:template match="/page" mode="title">申请火灾烧伤救助</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'bad-name'">请填写申请人姓名（一行，最长 32 个字）。</xsl:when>
        <xsl:when test="@code = 'bad-phone'">请填写申请人的 11 位手机号，查询进度时要用。</xsl:when>
        <xsl:when test="@code = 'bad-idno'">申请人身份证号不正确：应为 18 位，最后一位是校验码（数字或 X）。</xsl:when>
        <xsl:when test="@code = 'bad-relation'">请选择申请人与患者的关系。</xsl:when>
        <xsl:when test="@code = 'bad-patient'">请填写患者姓名（一行，最长 32 个字）。</xsl:when>
        <xsl:when test="@code = 'bad-patient-idno'">患者身份证号不正确（18 位，含校验码），且不能与申请人相同；本人申请请选择“本人”。</xsl:when>
        <xsl:when test="@code = 'bad-date'">请填写火灾发生的日期（须是存在的日期）。</xsl:when>
        <xsl:when test="@code = 'date-future'">火灾发生日期不能晚于今天。</xsl:when>
        <xsl:when test="@code = 'date-old'">只受理两年内发生的火灾造成的烧伤。</xsl:when>
        <xsl:when test="@code = 'bad-region'">请选择火灾发生地所在的镇街。</xsl:when>
        <xsl:when test="@code = 'bad-place'">请填写火灾发生的地址（一行，最长 200 个字）。</xsl:when>
        <xsl:when test="@code = 'bad-story'">请简要说明火灾经过和受伤情况（最长 1000 个字）。</xsl:when>
        <xsl:when test="@code = 'bad-hospital'">请填写救治医院（一行，最长 100 个字）。</xsl:when>
        <xsl:when test="@code = 'bad-costs'">医疗费用请填写大于 0 的金额（元，最多两位小数，不超过 500 万元）。</xsl:when>
        <xsl:when test="@code = 'bad-reimbursed'">已报销金额须是金额（元，最多两位小数），且不能超过医疗费用。</xsl:when>
        <xsl:when test="@code = 'bad-bank'">请填写开户银行（一行，最长 64 个字）。</xsl:when>
        <xsl:when test="@code = 'bad-holder'">收款人须是申请人或患者本人，姓名与上面填写的一致。</xsl:when>
        <xsl:when test="@code = 'bad-account'">银行账号只填数字，12–30 位。</xsl:when>
        <xsl:otherwise><xsl:call-template name="aid-doc-error"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template name="rel-option">
    <xsl:param name="v"/>
    <option value="{$v}">
      <xsl:if test="/page/form/@relation = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:call-template name="aid-relation"><xsl:with-param name="r" select="$v"/></xsl:call-template>
    </option>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="f" select="form"/>
    <section class="card">
      <h1>申请火灾烧伤救助</h1>
      <h2>谁可以申请</h2>
      <p><l:m>在<xsl:value-of select="jurisdiction/@name"/>辖区内发生的火灾中烧伤的居民，可以本人申请；本人无法申请的，可由配偶、父母、子女等近亲属或监护人代为申请。</l:m></p>
      <h2>需要准备的材料</h2>
      <ul>
        <li>申请人和患者的居民身份证（正反面）；</li>
        <li>医院的诊断证明、病历等医疗记录；</li>
        <li>医院开具的医疗费发票；</li>
        <li>收款的银行卡（户名须是申请人或患者本人）。</li>
      </ul>
      <p class="note">材料拍照或扫描后上传，每次 1–6 张，JPEG、PNG 或 WebP 格式，每张不超过 10 MB。图片会重新压缩保存，照片里的拍摄地点等信息不会保存。提交后请记下申请编号，凭编号和手机号查询办理进度；审核中需要补充材料时，也在查询页面补充。</p>
    </section>
    <section class="card">
      <h2>填写申请</h2>
      <xsl:apply-templates select="error"/>
      <form method="post" action="/aid" enctype="multipart/form-data" class="form">
        <xsl:call-template name="csrf"/>
        <fieldset>
          <legend>申请人</legend>
          <label class="field"><span class="field-label">姓名</span>
            <input name="name" type="text" maxlength="32" required="required" autocomplete="name" value="{$f/@name}"/></label>
          <label class="field"><span class="field-label">手机号</span>
            <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required" autocomplete="tel" value="{$f/@phone}"/></label>
          <label class="field"><span class="field-label">身份证号</span>
            <input name="idno" type="text" maxlength="18" required="required" autocomplete="off" value="{$f/@idno}"/></label>
          <label class="field"><span class="field-label">与患者的关系</span>
            <select name="relation" required="required">
              <xsl:call-template name="rel-option"><xsl:with-param name="v" select="'self'"/></xsl:call-template>
              <xsl:call-template name="rel-option"><xsl:with-param name="v" select="'spouse'"/></xsl:call-template>
              <xsl:call-template name="rel-option"><xsl:with-param name="v" select="'parent'"/></xsl:call-template>
              <xsl:call-template name="rel-option"><xsl:with-param name="v" select="'child'"/></xsl:call-template>
              <xsl:call-template name="rel-option"><xsl:with-param name="v" select="'relative'"/></xsl:call-template>
              <xsl:call-template name="rel-option"><xsl:with-param name="v" select="'guardian'"/></xsl:call-template>
            </select></label>
        </fieldset>
        <fieldset>
          <legend>患者（本人申请的不用填）</legend>
          <label class="field"><span class="field-label">患者姓名</span>
            <input name="patient" type="text" maxlength="32" autocomplete="off" value="{$f/@patient}"/></label>
          <label class="field"><span class="field-label">患者身份证号</span>
            <input name="patient_idno" type="text" maxlength="18" autocomplete="off" value="{$f/@patient_idno}"/></label>
        </fieldset>
        <fieldset>
          <legend>火灾和救治</legend>
          <label class="field"><span class="field-label">火灾发生日期</span>
            <input name="date" type="date" required="required" value="{$f/@date}"/></label>
          <label class="field"><span class="field-label">发生地所在镇街</span>
            <select name="region" required="required">
              <option value="">请选择</option>
              <xsl:for-each select="regions/region">
                <option value="{@id}">
                  <xsl:if test="$f/@region = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="@name"/>
                </option>
              </xsl:for-each>
            </select></label>
          <label class="field"><span class="field-label">发生地址</span>
            <input name="place" type="text" maxlength="200" required="required" value="{$f/@place}"/></label>
          <label class="field"><span class="field-label">火灾经过和受伤情况（简要）</span>
            <textarea name="story" rows="4" maxlength="1000" required="required"><xsl:value-of select="$f/@story"/></textarea></label>
          <label class="field"><span class="field-label">救治医院</span>
            <input name="hospital" type="text" maxlength="100" required="required" value="{$f/@hospital}"/></label>
          <label class="field"><span class="field-label">医疗费用（元）</span>
            <input name="costs" type="text" inputmode="decimal" maxlength="13" required="required" value="{$f/@costs}"/></label>
          <label class="field"><span class="field-label">医保、保险已报销（元，没有可不填）</span>
            <input name="reimbursed" type="text" inputmode="decimal" maxlength="13" value="{$f/@reimbursed}"/></label>
        </fieldset>
        <fieldset>
          <legend>收款账户</legend>
          <label class="field"><span class="field-label">开户银行</span>
            <input name="bank" type="text" maxlength="64" required="required" value="{$f/@bank}"/></label>
          <label class="field"><span class="field-label">户名（申请人或患者本人）</span>
            <input name="holder" type="text" maxlength="32" required="required" value="{$f/@holder}"/></label>
          <label class="field"><span class="field-label">银行账号</span>
            <input name="account" type="text" inputmode="numeric" maxlength="30" required="required" autocomplete="off" value="{$f/@account}"/></label>
        </fieldset>
        <label class="field"><span class="field-label">材料图片（1–6 张）</span>
          <input name="doc" type="file" accept="image/jpeg,image/png,image/webp" multiple="multiple" required="required"/></label>
        <button type="submit" class="button">提交申请</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
