<?xml version="1.0" encoding="UTF-8"?>
<!-- quiz-roles.xsl: step 1 of the quiz: who are you? -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">选择角色</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <p class="steps-bar"><span class="on">① 选择角色</span><span>② 确认镇街</span><span>③ 答题</span><span>④ 领取蓝码</span></p>
      <h1>请选择你的角色</h1>
      <p class="note">不同角色的题目不同，请按本人实际情况选择。</p>
      <ul class="role-pick">
        <xsl:for-each select="roles/role">
          <li>
            <a class="role-card" href="/quiz/{@code}">
              <span class="role-name"><xsl:value-of select="@name"/></span>
              <span class="role-who"><xsl:value-of select="@audience"/></span>
              <span class="role-valid"><l:m>蓝码有效期 <xsl:value-of select="@months"/> 个月</l:m></span>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>
</xsl:stylesheet>
