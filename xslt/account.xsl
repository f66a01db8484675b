<?xml version="1.0" encoding="UTF-8"?>
<!--
  account.xsl: the optional account: sign in or register with a mobile
  number; once signed in, the number (shown in full to its owner only)
  and the name printed on badges.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">我的账号</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="account"/>
    <xsl:apply-templates select="$a/@error"/>
    <xsl:choose>
      <xsl:when test="$a/@phone">
        <section class="card">
          <h1>我的账号</h1>
          <dl class="facts">
            <dt>手机号</dt><dd><xsl:value-of select="$a/@phone"/></dd>
            <dt>姓名</dt><dd><xsl:value-of select="$a/@name"/><xsl:if test="not($a/@name)">未填写</xsl:if></dd>
          </dl>
          <form method="post" action="/account/name" class="form">
            <xsl:call-template name="csrf"/>
            <label class="field">
              <span class="field-label">胸卡上显示的姓名（留空则不显示）</span>
              <input name="name" type="text" maxlength="16" autocomplete="name" value="{$a/@name}"/>
            </label>
            <button type="submit" class="button secondary">保存姓名</button>
          </form>
          <p><a class="button" href="/my">我的蓝码</a><xsl:text> </xsl:text><a class="button secondary" href="/unit">我的单位</a></p>
          <form method="post" action="/account/logout">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="button secondary">退出登录</button>
          </form>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <section class="card narrow">
          <h1>登录</h1>
          <p class="note">绑定手机号后，在这台设备上领取的蓝码会归入你的账号，换手机也能查看和续期。</p>
          <form method="post" action="/account/login" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="phone"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label" select="'密码'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'current-password'"/>
            </xsl:call-template>
            <button type="submit" class="button">登录并绑定</button>
          </form>
        </section>
        <section class="card narrow">
          <h2>注册新账号</h2>
          <form method="post" action="/account/register" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="phone"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label" select="'设置密码（至少 8 位）'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'new-password'"/>
            </xsl:call-template>
            <label class="field">
              <span class="field-label">姓名（选填，显示在胸卡上）</span>
              <input name="name" type="text" maxlength="16" autocomplete="name"/>
            </label>
            <button type="submit" class="button">注册并绑定</button>
          </form>
          <p class="note">手机号和姓名只用于在不同设备上查看、续期你的蓝码和在胸卡上显示姓名；核验页面只显示打码后的号码和姓氏。本平台不发送短信，手机号不作验证。</p>
          <p class="note">忘记密码无法在网上找回：可以用另一个手机号注册，已领取的蓝码仍可在原设备的“我的蓝码”中查看。</p>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="phone">
    <label class="field">
      <span class="field-label">手机号</span>
      <input name="phone" type="tel" inputmode="numeric" maxlength="11"
          autocomplete="tel" required="required" value="{/page/account/@entered-phone}"/>
    </label>
  </xsl:template>

  <xsl:template match="@error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test=". = 'bad-phone'">请输入 11 位手机号码。</xsl:when>
        <xsl:when test=". = 'short-password'">密码至少需要 8 位。</xsl:when>
        <xsl:when test=". = 'bad-name'">姓名不超过 16 个字，不能包含特殊字符。</xsl:when>
        <xsl:when test=". = 'taken'">这个手机号已经注册，请直接登录。</xsl:when>
        <xsl:otherwise>手机号或密码不正确。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
