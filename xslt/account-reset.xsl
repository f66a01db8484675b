<?xml version="1.0" encoding="UTF-8"?>
<!--
  account-reset.xsl: the one-time link an admin handed over: a form for
  the new password, or why the link works no more.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">重设密码</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="r" select="reset"/>
    <section class="card narrow">
      <h1>重设密码</h1>
      <xsl:choose>
        <xsl:when test="$r/@state = 'gone'">
          <p class="form-error" role="alert">这个链接已经用过、已过期或不存在。请再向所在镇街或区消安委办申请一个新的链接。</p>
          <p><a class="button secondary" href="/account">返回登录</a></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="$r/@state = 'short-password'">
            <p class="form-error" role="alert">密码至少需要 8 位。</p>
          </xsl:if>
          <p class="note">设置新密码后，这个链接即失效，所有已登录的设备都会退出，请用新密码重新登录。</p>
          <form method="post" action="/account/reset/{$r/@token}" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="label" select="'新密码（至少 8 位）'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="autocomplete" select="'new-password'"/>
            </xsl:call-template>
            <button type="submit" class="button">设置新密码</button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
