<?xml version="1.0" encoding="UTF-8"?>
<!--
  frame.xsl: the brand bar and the footer of every page. They may use
  only what the page hooks add to a page (the jurisdiction, the display
  mode) and which
  elements <session> holds (person, admin), not their attributes: a
  worker renders each once for those (frame-parts.xsl) and keeps it
  (core/page.c, core/fragment.c). For a signed-in admin, whose bar shows
  the admin's name and carries the sign-out form's token, layout.xsl
  renders them on every page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="common.xsl"/>

  <xsl:template name="bar">
    <header class="bar">
      <a class="brand" href="/">
        <img src="/static/img/logo.svg" alt="" width="36" height="36"/>
        <span class="brand-name">消防蓝码</span>
        <xsl:if test="jurisdiction">
          <span class="brand-place"><xsl:value-of select="jurisdiction/@name"/></span>
        </xsl:if>
      </a>
      <xsl:call-template name="lang-switch"/>
      <xsl:call-template name="mode-switch"/>
      <xsl:choose>
        <xsl:when test="session/admin">
          <form class="bar-logout" method="post" action="/admin/logout">
            <xsl:call-template name="csrf"/>
            <span class="bar-user"><xsl:value-of select="session/admin/@name"/></span>
            <button type="submit" class="link">退出</button>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <nav class="bar-nav"
              aria-label="我的蓝码和账号"><a href="/my">我的蓝码</a><a href="/account">
            <xsl:choose>
              <xsl:when test="session/person">账号</xsl:when>
              <xsl:otherwise>登录</xsl:otherwise>
            </xsl:choose>
          </a></nav>
        </xsl:otherwise>
      </xsl:choose>
    </header>
  </xsl:template>

  <!-- 长辈模式: one tap, a plain link (shared/display.c). -->
  <xsl:template name="mode-switch">
    <xsl:choose>
      <xsl:when test="mode/@name = 'elder'">
        <a class="mode-switch" href="/mode/standard">标准模式</a>
      </xsl:when>
      <xsl:otherwise>
        <a class="mode-switch" href="/mode/elder">长辈模式</a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The other language, one tap (shared/display.c): its own name, in
       its own language. -->
  <xsl:template name="lang-switch">
    <l:m><a class="lang-switch" href="/lang/en" lang="en" hreflang="en">English</a></l:m>
  </xsl:template>

  <xsl:template name="foot">
    <footer class="foot">
      <p class="foot-fire"><l:m>发现火情，请立即拨打 <strong>119</strong></l:m></p>
      <p>
        <xsl:choose>
          <xsl:when test="jurisdiction">
            <xsl:value-of select="jurisdiction/@committee"/>
          </xsl:when>
          <xsl:otherwise>消防安全委员会办公室</xsl:otherwise>
        </xsl:choose>
      </p>
      <p><a href="/">首页</a> · <a href="/privacy">个人信息保护</a> · <a href="/admin">管理入口</a></p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
