<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-training-request.xsl: one training request in the admin area:
  what was asked, its deadline, its history with the admins' names, and
  the office's answers: confirm a time and trainer, propose another
  time, decline with a reason, mark done once held.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="notice.xsl"/>
  <xsl:include href="training-names.xsl"/>

  <xsl:template match="/page" mode="title"><l:m>培训申请 <xsl:value-of select="request/@ref"/></l:m></xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'need-access-why'">请填写查看完整号码的理由。</xsl:when>
        <xsl:when test="@code = 'bad-time'">请填写日期和开始时间。</xsl:when>
        <xsl:when test="@code = 'bad-minutes'">时长为 30–480 分钟。</xsl:when>
        <xsl:when test="@code = 'no-trainer'">请选择一位在册的讲师。</xsl:when>
        <xsl:when test="@code = 'bad-message'">说明最长 500 个字。</xsl:when>
        <xsl:when test="@code = 'past'">培训时间须在以后（日期须存在）。</xsl:when>
        <xsl:when test="@code = 'busy'">这位讲师在这个时间已有其他已确认的培训，不能重复安排。请换一个时间或讲师。</xsl:when>
        <xsl:when test="@code = 'state'">这个申请当前的状态不能这样处理（可能已取消、已完成或已答复）。</xsl:when>
        <xsl:when test="@code = 'no-reason'">请填写未能安排的原因（最长 500 个字），申请人会看到它。</xsl:when>
        <xsl:when test="@code = 'not-held'">只有已确认且培训时间已到的申请才能标记为完成。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template name="time-fields">
    <xsl:param name="r"/>
    <xsl:param name="e"/>
    <xsl:variable name="day">
      <xsl:choose>
        <xsl:when test="$e/@day"><xsl:value-of select="$e/@day"/></xsl:when>
        <xsl:when test="$r/@day"><xsl:value-of select="$r/@day"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$r/@day1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="time">
      <xsl:choose>
        <xsl:when test="$e/@time"><xsl:value-of select="$e/@time"/></xsl:when>
        <xsl:when test="$r/@time"><xsl:value-of select="$r/@time"/></xsl:when>
        <xsl:when test="$r/@part1 = 'pm'">14:30</xsl:when>
        <xsl:when test="$r/@part1 = 'eve'">19:00</xsl:when>
        <xsl:otherwise>09:00</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <label class="field"><span class="field-label">日期</span><input name="day" type="date" required="required" value="{$day}"/></label>
    <label class="field"><span class="field-label">开始时间</span><input name="time" type="time" required="required" value="{$time}"/></label>
    <label class="field"><span class="field-label">时长（分钟）</span><input name="minutes" type="number" min="30" max="480" required="required">
      <xsl:attribute name="value"><xsl:choose><xsl:when test="$e/@minutes"><xsl:value-of select="$e/@minutes"/></xsl:when><xsl:when test="$r/@minutes"><xsl:value-of select="$r/@minutes"/></xsl:when><xsl:otherwise>90</xsl:otherwise></xsl:choose></xsl:attribute></input></label>
    <label class="field"><span class="field-label">讲师</span>
      <select name="trainer" required="required">
        <option value="">请选择</option>
        <xsl:for-each select="/page/trainers/trainer[@retired = 0]">
          <option value="{@id}"><xsl:if test="@id = $e/@trainer or (not($e/@trainer) and @id = $r/@trainer-id)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
        </xsl:for-each>
      </select></label>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="e" select="error"/>
    <xsl:for-each select="request">
      <xsl:variable name="open" select="@status = 'requested' or @status = 'proposed'"/>
      <section class="card">
        <h1><l:m>培训申请 <xsl:value-of select="@ref"/></l:m></h1>
        <p><a href="/admin/training">返回培训预约</a> · <a href="/training/r/{@ref}">申请人看到的页面</a></p>
        <p><strong><xsl:call-template name="training-status"><xsl:with-param name="s" select="@status"/></xsl:call-template></strong>
          <xsl:if test="@status = 'requested'">
            <l:m><xsl:text> · 答复期限 </xsl:text><xsl:value-of select="@due"/></l:m>
            <xsl:if test="@overdue"><xsl:text> </xsl:text><strong class="overdue">超期</strong></xsl:if>
          </xsl:if></p>
        <xsl:apply-templates select="$e"/>
        <dl class="facts">
          <xsl:if test="@day">
            <dt><xsl:choose><xsl:when test="@status = 'proposed'">建议时间</xsl:when><xsl:otherwise>培训时间</xsl:otherwise></xsl:choose></dt>
            <dd><l:m><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/>，<xsl:value-of select="@minutes"/> 分钟 · 讲师 <xsl:value-of select="@trainer"/><xsl:if test="@trainer-phone">（<xsl:value-of select="@trainer-phone"/>）</xsl:if></l:m></dd>
          </xsl:if>
          <xsl:if test="@message"><dt>说明或原因</dt><dd><xsl:value-of select="@message"/></dd></xsl:if>
          <dt>希望日期</dt><dd><xsl:call-template name="training-wishes"><xsl:with-param name="r" select="."/></xsl:call-template></dd>
          <dt>培训内容</dt><dd><xsl:call-template name="training-topic"><xsl:with-param name="t" select="@topic"/><xsl:with-param name="other" select="@topic-other"/></xsl:call-template></dd>
          <dt>单位</dt><dd><xsl:value-of select="@organisation"/><xsl:if test="@unit"><l:m>（平台单位：<xsl:value-of select="@unit"/>）</l:m></xsl:if></dd>
          <dt>地址</dt><dd><xsl:value-of select="@region"/> · <xsl:value-of select="@address"/></dd>
          <dt>人数</dt><dd><l:m><xsl:value-of select="@headcount"/> 人</l:m></dd>
          <dt>联系人</dt><dd><xsl:value-of select="@name"/>，<xsl:choose>
            <xsl:when test="@shown"><a href="tel:{@phone}"><xsl:value-of select="@phone"/></a></xsl:when>
            <xsl:otherwise><span class="nowrap"><xsl:value-of select="@phone"/></span></xsl:otherwise>
          </xsl:choose></dd>
          <xsl:if test="@note"><dt>备注</dt><dd class="pre"><xsl:value-of select="@note"/></dd></xsl:if>
          <dt>提交时间</dt><dd><xsl:value-of select="@at"/></dd>
        </dl>
        <xsl:if test="not(@shown) and @phone">
          <form method="post" action="/admin/training/{@id}/show" class="inline-form">
            <xsl:call-template name="csrf"/>
            <label>查看完整手机号的理由
              <input name="why" type="text" maxlength="200" required="required" placeholder="例如：电话商量培训时间"/></label>
            <button type="submit" class="button secondary small">查看完整号码</button>
            <span class="note">（每次查看都会记录）</span>
          </form>
        </xsl:if>
      </section>
      <xsl:if test="$open or @status = 'confirmed'">
        <section class="card">
          <h2><xsl:choose><xsl:when test="@status = 'confirmed'">调整已确认的安排</xsl:when><xsl:otherwise>确认培训</xsl:otherwise></xsl:choose></h2>
          <form method="post" action="/admin/training/{@id}/confirm" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="time-fields"><xsl:with-param name="r" select="."/><xsl:with-param name="e" select="$e"/></xsl:call-template>
            <button type="submit" class="button">确认</button>
          </form>
        </section>
        <section class="card">
          <h2>建议另一个时间</h2>
          <form method="post" action="/admin/training/{@id}/propose" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="time-fields"><xsl:with-param name="r" select="."/><xsl:with-param name="e" select="$e"/></xsl:call-template>
            <label class="field"><span class="field-label">给申请人的说明（可不填）</span>
              <textarea name="message" rows="2" maxlength="500"><xsl:value-of select="$e/@message"/></textarea></label>
            <button type="submit" class="button secondary">发送改期建议</button>
          </form>
        </section>
      </xsl:if>
      <xsl:if test="$open">
        <section class="card">
          <h2>未能安排</h2>
          <form method="post" action="/admin/training/{@id}/decline" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field"><span class="field-label">原因（申请人会看到）</span>
              <textarea name="message" rows="2" maxlength="500" required="required"/></label>
            <button type="submit" class="button secondary">答复未能安排</button>
          </form>
        </section>
      </xsl:if>
      <xsl:if test="@status = 'confirmed' and @held = 1">
        <section class="card">
          <form method="post" action="/admin/training/{@id}/done" class="form">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="button">标记培训已完成</button>
          </form>
        </section>
      </xsl:if>
    </xsl:for-each>
    <xsl:apply-templates select="notices"/>
  </xsl:template>
</xsl:stylesheet>
