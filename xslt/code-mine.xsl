<?xml version="1.0" encoding="UTF-8"?>
<!-- code-mine.xsl: 我的蓝码: the codes of this browser or account, a quiz
     still running, and the signed-in person's profile, unit and the
     progress of what they asked for. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="code-common.xsl"/>
  <xsl:import href="notice.xsl"/>

  <xsl:template match="/page" mode="title">我的蓝码</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>我的蓝码</h1>
      <xsl:if test="open-attempt">
        <p class="flash-inline"><l:m>你有一次未完成的答题（<xsl:value-of select="open-attempt/@role-name"/>，还剩约 <xsl:value-of select="open-attempt/@minutes"/> 分钟）。</l:m><a href="/quiz/a/{open-attempt/@token}/1">继续答题</a></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="codes/code">
          <ul class="codes">
            <xsl:for-each select="codes/code">
              <li>
                <a class="code-row" href="/my/{@id}">
                  <span class="code-role"><xsl:value-of select="@role-name"/></span>
                  <xsl:apply-templates select="." mode="status"/>
                  <span class="note"><l:m>有效期至 <xsl:value-of select="@expires"/> · <xsl:value-of select="@region"/></l:m></span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p>这台设备上还没有蓝码。完成消防安全知识测试即可领取。</p>
          <xsl:if test="not(/page/session/person)">
            <p class="note"><l:m>已绑定过手机号？<a href="/account">登录</a>后即可看到你的蓝码。</l:m></p>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <p><a class="button" href="/quiz">开始答题</a></p>
    </section>
    <xsl:if test="profile">
      <section class="card" id="me">
        <h2>我的信息</h2>
        <xsl:choose>
          <xsl:when test="profile/@complete = 'yes'">
            <p class="profile-state complete">个人信息已完善</p>
          </xsl:when>
          <xsl:otherwise>
            <p class="profile-state incomplete"><l:m>个人信息待完善。<a href="/account#profile">去完善</a></l:m></p>
          </xsl:otherwise>
        </xsl:choose>
        <dl class="facts">
          <dt>姓名</dt><dd><xsl:value-of select="profile/@name"/><xsl:if test="not(profile/@name)">未填写</xsl:if></dd>
          <dt>角色</dt><dd><xsl:value-of select="profile/@role-name"/><xsl:if test="not(profile/@role)">未选择</xsl:if></dd>
          <dt>所在镇街</dt><dd><xsl:value-of select="profile/@region"/><xsl:if test="not(profile/@region-id)">未选择</xsl:if></dd>
          <dt>所在单位</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="profile/unit"><a href="/unit"><xsl:value-of select="profile/unit/@name"/></a></xsl:when>
              <xsl:otherwise><a href="/unit">加入或创建单位</a></xsl:otherwise>
            </xsl:choose>
          </dd>
          <dt>学习积分</dt><dd><a href="/points"><xsl:value-of select="points/@total"/></a></dd>
        </dl>
        <p><a class="button secondary" href="/practice">练习考试</a></p>
      </section>
    </xsl:if>
    <xsl:apply-templates select="my-notices"/>
  </xsl:template>
</xsl:stylesheet>
