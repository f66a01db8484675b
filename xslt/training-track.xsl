<?xml version="1.0" encoding="UTF-8"?>
<!--
  training-track.xsl: a training request by its reference: its status,
  the days asked for, the time and trainer confirmed or proposed, the
  reason when declined, its history, and what the requester can do with
  the mobile number: accept a proposed time, cancel.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="notice.xsl"/>
  <xsl:include href="training-names.xsl"/>

  <xsl:template match="/page" mode="title"><l:m>培训预约 <xsl:value-of select="request/@ref"/></l:m></xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'wrong-phone'">手机号与申请时填写的不一致。</xsl:when>
        <xsl:when test="@code = 'closed'">这个申请已经结束（已完成、已取消或未能安排），不能再取消。</xsl:when>
        <xsl:when test="@code = 'not-proposed'">现在没有待确认的改期建议。</xsl:when>
        <xsl:when test="@code = 'past'">建议的时间已经过去，请等待工作人员重新安排。</xsl:when>
        <xsl:when test="@code = 'trainer-busy'">很抱歉，讲师在这个时间已有其他培训，请等待工作人员重新安排。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:for-each select="request">
      <section class="card">
        <h1><l:m>培训预约编号 <span class="join-code"><xsl:value-of select="@ref"/></span></l:m></h1>
        <p>
          <span class="profile-state">
            <xsl:if test="@status = 'confirmed' or @status = 'done'"><xsl:attribute name="class">profile-state complete</xsl:attribute></xsl:if>
            <xsl:call-template name="training-status"><xsl:with-param name="s" select="@status"/></xsl:call-template>
          </span>
        </p>
        <xsl:apply-templates select="/page/error"/>
        <xsl:if test="@status = 'requested'">
          <p class="note"><l:m>按服务承诺，我们会在 5 个工作日内（<xsl:value-of select="@due"/> 前）答复。</l:m></p>
        </xsl:if>
        <dl class="facts">
          <xsl:if test="@status = 'confirmed' or @status = 'done'">
            <dt>培训时间</dt><dd><l:m><strong><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/></strong>，约 <xsl:value-of select="@minutes"/> 分钟</l:m></dd>
            <dt>讲师</dt><dd><xsl:value-of select="@trainer"/></dd>
          </xsl:if>
          <xsl:if test="@status = 'proposed'">
            <dt>建议改为</dt><dd><l:m><strong><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/></strong>，约 <xsl:value-of select="@minutes"/> 分钟，讲师 <xsl:value-of select="@trainer"/></l:m></dd>
            <xsl:if test="@message"><dt>说明</dt><dd><xsl:value-of select="@message"/></dd></xsl:if>
          </xsl:if>
          <xsl:if test="@status = 'declined'">
            <dt>原因</dt><dd><xsl:value-of select="@message"/></dd>
          </xsl:if>
          <dt>希望日期</dt><dd><xsl:call-template name="training-wishes"><xsl:with-param name="r" select="."/></xsl:call-template></dd>
          <dt>培训内容</dt><dd><xsl:call-template name="training-topic"><xsl:with-param name="t" select="@topic"/><xsl:with-param name="other" select="@topic-other"/></xsl:call-template></dd>
          <dt>单位</dt><dd><xsl:value-of select="@organisation"/></dd>
          <dt>地址</dt><dd><xsl:value-of select="@region"/> · <xsl:value-of select="@address"/></dd>
          <dt>人数</dt><dd><l:m><xsl:value-of select="@headcount"/> 人</l:m></dd>
          <dt>联系人</dt><dd><l:m><xsl:value-of select="@name"/>，<span class="nowrap"><xsl:value-of select="@phone"/></span></l:m></dd>
          <dt>提交时间</dt><dd><xsl:value-of select="@at"/></dd>
        </dl>
        <p class="note">请记下预约编号，凭它查看办理进度。</p>
        <xsl:if test="@status = 'proposed' and @future = 1">
          <form method="post" action="/training/r/{@ref}/accept" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field"><span class="field-label">同意改期：请输入申请时的手机号</span>
              <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required"/></label>
            <button type="submit" class="button">同意建议的时间</button>
          </form>
        </xsl:if>
        <xsl:if test="@status = 'requested' or @status = 'proposed' or @status = 'confirmed'">
          <form method="post" action="/training/r/{@ref}/cancel" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field"><span class="field-label">取消申请：请输入申请时的手机号</span>
              <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required"/></label>
            <button type="submit" class="button secondary">取消申请</button>
          </form>
        </xsl:if>
      </section>
    </xsl:for-each>
    <xsl:apply-templates select="notices"/>
  </xsl:template>
</xsl:stylesheet>
