<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-login.xsl: the admin sign-in form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">管理登录</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card narrow">
      <h1>管理登录</h1>
      <p class="note">供消安委办公室、镇街、行业部门和单位的管理人员使用。</p>
      <xsl:apply-templates select="login-form/@error"/>
      <form method="post" action="/admin/login" class="form">
        <xsl:call-template name="csrf"/>
        <xsl:if test="login-form/@next">
          <input type="hidden" name="next" value="{login-form/@next}"/>
        </xsl:if>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'login'"/>
          <xsl:with-param name="label" select="'账号'"/>
          <xsl:with-param name="value" select="login-form/@login"/>
          <xsl:with-param name="autocomplete" select="'username'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'password'"/>
          <xsl:with-param name="label" select="'密码'"/>
          <xsl:with-param name="type" select="'password'"/>
          <xsl:with-param name="autocomplete" select="'current-password'"/>
        </xsl:call-template>
        <button type="submit" class="button">登录</button>
      </form>
    </section>
  </xsl:template>

  <xsl:template match="@error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test=". = 'missing'">请填写账号和密码。</xsl:when>
        <xsl:when test=". = 'throttled'"><l:m>登录失败次数过多，这个账号（或这台设备所在的网络）暂停登录 15 分钟。请 <xsl:value-of select="../@wait"/> 分钟后再试；忘记密码请联系区消安委办重设。</l:m></xsl:when>
        <xsl:otherwise>账号或密码不正确。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
