<?xml version="1.0" encoding="UTF-8"?>
<!-- code-mine.xsl: 我的蓝码: the codes of this browser or account. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="code-common.xsl"/>

  <xsl:template match="/page" mode="title">我的蓝码</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>我的蓝码</h1>
      <xsl:if test="open-attempt">
        <p class="flash-inline">你有一次未完成的答题（<xsl:value-of select="open-attempt/@role-name"/>，还剩约 <xsl:value-of select="open-attempt/@minutes"/> 分钟）。<a href="/quiz/a/{open-attempt/@token}/1">继续答题</a></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="codes/code">
          <ul class="codes">
            <xsl:for-each select="codes/code">
              <li>
                <a class="code-row" href="/my/{@id}">
                  <span class="code-role"><xsl:value-of select="@role-name"/></span>
                  <xsl:apply-templates select="." mode="status"/>
                  <span class="note">有效期至 <xsl:value-of select="@expires"/> · <xsl:value-of select="@region"/></span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p>这台设备上还没有蓝码。完成消防安全知识测试即可领取。</p>
          <xsl:if test="not(/page/session/person)">
            <p class="note">已绑定过手机号？<a href="/account">登录</a>后即可看到你的蓝码。</p>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <p><a class="button" href="/quiz">开始答题</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
