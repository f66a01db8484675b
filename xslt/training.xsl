<?xml version="1.0" encoding="UTF-8"?>
<!--
  training.xsl: 预约培训: what the free training is, and the request form
  (contact, organisation, street or town, address, headcount, topic, up
  to three preferred working days, a note); a refused form comes back
  with why and what was typed.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="training-names.xsl"/>

  <xsl:template match="/page" mode="title">预约消防安全培训</xsl:template>

  <xsl:template name="error">
    <xsl:param name="f"/>
    <p class="form-error" role="alert">
      <xsl:if test="$f/@n"><l:m>第 <xsl:value-of select="$f/@n"/> 个希望日期：</l:m></xsl:if>
      <xsl:choose>
        <xsl:when test="$f/@error = 'no-name'">请填写联系人姓名。</xsl:when>
        <xsl:when test="$f/@error = 'bad-name'">联系人姓名只能是一行文字，最长 32 个字。</xsl:when>
        <xsl:when test="$f/@error = 'bad-phone'">请填写 11 位手机号。</xsl:when>
        <xsl:when test="$f/@error = 'bad-org'">请填写单位、社区或学校的名称（一行，最长 64 个字）。</xsl:when>
        <xsl:when test="$f/@error = 'bad-region'">请选择所在镇街。</xsl:when>
        <xsl:when test="$f/@error = 'bad-address'">请填写培训地址（一行，最长 200 个字）。</xsl:when>
        <xsl:when test="$f/@error = 'bad-headcount'">参加人数为 10–500 人。人数更少时可以与邻近单位合并申请。</xsl:when>
        <xsl:when test="$f/@error = 'bad-topic'">请选择培训内容。</xsl:when>
        <xsl:when test="$f/@error = 'bad-other'">选择“其他”时，请简要写明培训内容（一行，最长 64 个字）。</xsl:when>
        <xsl:when test="$f/@error = 'bad-day'">请填写日期（年-月-日）。</xsl:when>
        <xsl:when test="$f/@error = 'day-soon'">日期须至少在 3 天以后，以便安排讲师。</xsl:when>
        <xsl:when test="$f/@error = 'day-far'">日期须在 90 天以内。</xsl:when>
        <xsl:when test="$f/@error = 'day-off'">这一天不是工作日（周末或法定节假日），请选择工作日。</xsl:when>
        <xsl:when test="$f/@error = 'bad-part'">请选择上午、下午或晚上。</xsl:when>
        <xsl:when test="$f/@error = 'bad-note'">备注最长 500 个字。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template name="wish">
    <xsl:param name="k"/>
    <xsl:param name="f"/>
    <xsl:variable name="day" select="$f/@*[name() = concat('day', $k)]"/>
    <xsl:variable name="part" select="$f/@*[name() = concat('part', $k)]"/>
    <fieldset class="field">
      <legend class="field-label"><l:m>希望日期 <xsl:value-of select="$k"/></l:m><xsl:if test="$k &gt; 1">（可不填）</xsl:if></legend>
      <input name="day{$k}" type="date" min="{$f/@min}" max="{$f/@max}" value="{$day}"
          aria-label="希望日期 {$k}：日期">
        <xsl:if test="$k = 1"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
      </input>
      <xsl:text> </xsl:text>
      <select name="part{$k}" aria-label="希望日期 {$k}：时段">
        <option value="am"><xsl:if test="$part = 'am'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>上午</option>
        <option value="pm"><xsl:if test="$part = 'pm'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>下午</option>
        <option value="eve"><xsl:if test="$part = 'eve'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>晚上</option>
      </select>
    </fieldset>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="f" select="form"/>
    <section class="card">
      <h1>预约消防安全培训</h1>
      <p>区消防安全委员会办公室为辖区内的单位、社区、学校和出租房（群租房）租住人员免费提供上门消防安全培训，由消防救援人员和专职讲师授课，内容可从下面的主题中选择。</p>
      <ul>
        <li>一次培训一般 60–120 分钟，参加人数 10–500 人；请准备能容纳参加人员的场地。</li>
        <li>可填写最多 3 个希望日期（工作日，3 天以后、90 天以内），我们会尽量按您的时间安排。</li>
        <li>我们在 5 个工作日内答复：确认时间和讲师，或与您商量另一个时间。进度可凭预约编号随时查看。</li>
      </ul>
    </section>
    <section class="card">
      <h2>填写申请</h2>
      <xsl:if test="$f/@error">
        <xsl:call-template name="error"><xsl:with-param name="f" select="$f"/></xsl:call-template>
      </xsl:if>
      <form method="post" action="/training" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">联系人姓名</span>
          <input name="name" type="text" maxlength="32" required="required" autocomplete="name" value="{$f/@name}"/></label>
        <label class="field"><span class="field-label">手机号</span>
          <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required" autocomplete="tel" value="{$f/@phone}"/></label>
        <label class="field"><span class="field-label">单位、社区或学校名称</span>
          <input name="organisation" type="text" maxlength="64" required="required" value="{$f/@organisation}"/></label>
        <label class="field"><span class="field-label">所在镇街</span>
          <select name="region" required="required">
            <option value="">请选择</option>
            <xsl:for-each select="regions/region">
              <option value="{@id}"><xsl:if test="@id = $f/@region"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
            </xsl:for-each>
          </select></label>
        <label class="field"><span class="field-label">培训地址</span>
          <input name="address" type="text" maxlength="200" required="required" value="{$f/@address}"/></label>
        <label class="field"><span class="field-label">参加人数（10–500）</span>
          <input name="headcount" type="number" min="10" max="500" required="required" value="{$f/@headcount}"/></label>
        <label class="field"><span class="field-label">培训内容</span>
          <select name="topic" required="required">
            <xsl:call-template name="training-topic-options">
              <xsl:with-param name="selected" select="$f/@topic"/>
            </xsl:call-template>
          </select></label>
        <label class="field"><span class="field-label">选择“其他”时请写明内容</span>
          <input name="topic_other" type="text" maxlength="64" value="{$f/@topic_other}"/></label>
        <xsl:call-template name="wish"><xsl:with-param name="k" select="1"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
        <xsl:call-template name="wish"><xsl:with-param name="k" select="2"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
        <xsl:call-template name="wish"><xsl:with-param name="k" select="3"/><xsl:with-param name="f" select="$f"/></xsl:call-template>
        <label class="field"><span class="field-label">备注（可不填）</span>
          <textarea name="note" rows="3" maxlength="500"><xsl:value-of select="$f/@note"/></textarea></label>
        <button type="submit" class="button">提交申请</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
