<?xml version="1.0" encoding="UTF-8"?>
<!--
  visit.xsl: a slot's booking form (who, a mobile number, how many, for
  which organisation), or a booking made: its reference, the station and
  the time, and the form that cancels it with its mobile number.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="notice.xsl"/>

  <xsl:template match="/page" mode="title">
    <xsl:choose>
      <xsl:when test="booking"><l:m>预约 <xsl:value-of select="booking/@ref"/></l:m></xsl:when>
      <xsl:otherwise><l:m>预约参观 · <xsl:value-of select="slot/@station"/></l:m></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'no-name'">请填写联系人姓名。</xsl:when>
        <xsl:when test="@code = 'bad-name'">姓名只能是一行文字，最长 32 个字。</xsl:when>
        <xsl:when test="@code = 'bad-phone'">请填写 11 位手机号。</xsl:when>
        <xsl:when test="@code = 'bad-people'">参观人数为 1–60 人；人更多请分几个时段预约。</xsl:when>
        <xsl:when test="@code = 'bad-org'">单位名称只能是一行文字，最长 64 个字。</xsl:when>
        <xsl:when test="@code = 'full'">这个时段剩余名额不够了，请减少人数或选择其他时段。</xsl:when>
        <xsl:when test="@code = 'closed'">这个时段已经开始、结束或取消，不能再预约。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="e" select="error"/>
    <xsl:for-each select="slot">
      <section class="card">
        <h1><l:m>预约参观：<xsl:value-of select="@station"/></l:m></h1>
        <p><a href="/visits">返回所有开放时段</a></p>
        <p><l:m><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/>，约 <xsl:value-of select="@minutes"/> 分钟 · <xsl:value-of select="@address"/></l:m></p>
        <xsl:choose>
          <xsl:when test="@open = 1 and @capacity - @booked &gt; 0">
            <p><l:m>剩余 <strong><xsl:value-of select="@capacity - @booked"/></strong> 个名额。</l:m></p>
            <xsl:apply-templates select="$e"/>
            <form method="post" action="/visits/slots/{@id}" class="form">
              <xsl:call-template name="csrf"/>
              <label class="field"><span class="field-label">联系人姓名</span>
                <input name="name" type="text" maxlength="32" required="required" autocomplete="name" value="{$e/@name}"/></label>
              <label class="field"><span class="field-label">手机号</span>
                <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required" autocomplete="tel" value="{$e/@phone}"/></label>
              <label class="field"><span class="field-label">参观人数</span>
                <input name="people" type="number" min="1" max="60" required="required" value="{$e/@people}"/></label>
              <label class="field"><span class="field-label">单位、学校或社区（可不填）</span>
                <input name="organisation" type="text" maxlength="64" value="{$e/@organisation}"/></label>
              <button type="submit" class="button">提交预约</button>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$e"/>
            <p class="note">这个时段已约满或已不可预约。</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
    <xsl:for-each select="booking">
      <section class="card">
        <h1>预约编号 <span class="join-code"><xsl:value-of select="@ref"/></span></h1>
        <p>
          <xsl:choose>
            <xsl:when test="@status = 'booked'"><span class="profile-state complete">已预约</span></xsl:when>
            <xsl:when test="@status = 'cancelled'"><span class="profile-state">已取消</span></xsl:when>
            <xsl:when test="@status = 'attended'"><span class="profile-state complete">已参观</span></xsl:when>
            <xsl:otherwise><span class="profile-state">未到场</span></xsl:otherwise>
          </xsl:choose>
        </p>
        <dl class="facts">
          <dt>消防站</dt><dd><l:m><xsl:value-of select="@station"/>（<xsl:value-of select="@address"/>）</l:m></dd>
          <dt>时间</dt><dd><l:m><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/>，约 <xsl:value-of select="@minutes"/> 分钟</l:m></dd>
          <dt>人数</dt><dd><l:m><xsl:value-of select="@people"/> 人</l:m></dd>
          <dt>联系人</dt><dd><l:m><xsl:value-of select="@name"/>，<span class="nowrap"><xsl:value-of select="@phone"/></span></l:m></dd>
          <xsl:if test="@organisation"><dt>单位</dt><dd><xsl:value-of select="@organisation"/></dd></xsl:if>
        </dl>
        <p class="note">请记下预约编号，参观当天出示。</p>
        <xsl:if test="@status = 'booked'">
          <form method="post" action="/visits/b/{@ref}/cancel" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field"><span class="field-label">取消预约：请输入预约时的手机号</span>
              <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required"/></label>
            <button type="submit" class="button secondary">取消预约</button>
          </form>
        </xsl:if>
      </section>
    </xsl:for-each>
    <xsl:apply-templates select="notices"/>
  </xsl:template>
</xsl:stylesheet>
