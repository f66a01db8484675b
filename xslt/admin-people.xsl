<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-people.xsl: a resident's account found by its full number, and
  the one-time link that sets a new password (shown once).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">居民账号与重设密码</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>居民账号与重设密码</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <xsl:choose>
        <xsl:when test="reset-link">
          <h2>一次性重设密码链接</h2>
          <p><l:m>请把下面的链接交给手机号为 <span class="nowrap"><xsl:value-of select="reset-link/@phone"/></span> 的本人。链接只显示这一次，<xsl:value-of select="reset-link/@hours"/> 小时内有效，只能用一次；用它设置新密码后，此人所有已登录的设备都会退出。</l:m></p>
          <p class="reset-link"><code><xsl:value-of select="reset-link/@url"/></code></p>
          <p class="note">离开本页后链接不再显示。如果遗失，可以重新生成；之前生成、尚未使用的链接随即失效。</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="note">本平台不发送短信。居民忘记密码时，请先核实是其本人，再按完整手机号查找账号，生成一次性链接交给本人。</p>
          <form method="get" action="/admin/people" class="form">
            <label class="field">
              <span class="field-label">完整手机号</span>
              <input name="phone" type="tel" inputmode="numeric" maxlength="11" required="required" value="{search/@phone}"/>
            </label>
            <button type="submit" class="button secondary">查找</button>
          </form>
          <xsl:if test="search/@error">
            <p class="form-error" role="alert">请输入 11 位手机号码。</p>
          </xsl:if>
          <xsl:if test="search/@phone and not(search/@error) and not(person)">
            <p class="note">没有用这个手机号注册的账号。</p>
          </xsl:if>
          <xsl:for-each select="person">
            <dl class="facts">
              <dt>手机号</dt><dd><xsl:value-of select="@phone"/></dd>
              <dt>姓名</dt><dd><xsl:value-of select="@name"/><xsl:if test="not(@name)">未填写</xsl:if></dd>
              <dt>注册日期</dt><dd><xsl:value-of select="@since"/></dd>
              <dt>最近登录</dt><dd><xsl:value-of select="@last-login"/><xsl:if test="not(@last-login)">—</xsl:if></dd>
              <dt>所在单位</dt><dd><xsl:value-of select="@unit"/><xsl:if test="not(@unit)">无</xsl:if></dd>
              <dt>蓝码</dt><dd><l:m><xsl:value-of select="@codes"/> 张</l:m></dd>

            </dl>
            <form method="post" action="/admin/people/{@id}/reset" class="inline">
              <xsl:call-template name="csrf"/>
              <button type="submit" class="button">生成一次性重设密码链接</button>
            </form>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
