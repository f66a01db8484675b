<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-roles.xsl: the roles people take the quiz as, one form each: the
  name shown, who it is for, the validity of its codes, and its quiz
  (questions drawn, time limit, pass mark). Name and audience have an
  English of their own, which the English interface shows (none: the
  Chinese). A refused form names its field (@error, admin/settings.c).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">角色与答题设置</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>角色与答题设置</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">修改只影响此后开始的答题和此后发放的蓝码；已有的答题和蓝码保持原样。角色名称等参考信息在各页面最长 1 分钟后更新。</p>
    </section>
    <xsl:for-each select="roles/role">
      <section class="card" id="role-{@code}">
        <h2><xsl:value-of select="@name"/></h2>
        <xsl:if test="@error">
          <p class="form-error" role="alert"><xsl:apply-templates select="@error"/></p>
        </xsl:if>
        <form method="post" action="/admin/roles/{@code}" class="form">
          <xsl:call-template name="csrf"/>
          <label class="field">
            <span class="field-label">名称</span>
            <input name="name" type="text" value="{@name}" maxlength="16" required="required"/>
          </label>
          <label class="field">
            <span class="field-label">适用人群</span>
            <input name="audience" type="text" value="{@audience}" maxlength="200" required="required"/>
          </label>
          <label class="field">
            <span class="field-label">英文名称（英文界面显示；留空则显示中文）</span>
            <input name="name_en" type="text" value="{@name-en}" maxlength="64" lang="en"/>
          </label>
          <label class="field">
            <span class="field-label">英文适用人群</span>
            <input name="audience_en" type="text" value="{@audience-en}" maxlength="400" lang="en"/>
          </label>
          <label class="field">
            <span class="field-label">蓝码有效期（月）</span>
            <input name="months" type="number" min="1" max="60" value="{@months}" required="required"/>
          </label>
          <label class="field">
            <span class="field-label"><l:m>每次答题题数（已发布题库中适用 <xsl:value-of select="@available"/> 道）</l:m></span>
            <input name="questions" type="number" min="1" value="{@questions}" required="required">
              <xsl:attribute name="max">
                <xsl:choose>
                  <xsl:when test="@available &lt; ../@max-questions"><xsl:value-of select="@available"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="../@max-questions"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </input>
          </label>
          <label class="field">
            <span class="field-label">答题时限（分钟）</span>
            <input name="minutes" type="number" min="1" max="180" value="{@minutes}" required="required"/>
          </label>
          <label class="field">
            <span class="field-label">及格线（百分制）</span>
            <input name="pass" type="number" min="1" max="100" value="{@pass}" required="required"/>
          </label>
          <button type="submit" class="button">保存</button>
        </form>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- Why a role's form was refused. -->
  <xsl:template match="role/@error">
    <xsl:choose>
      <xsl:when test=". = 'name'">名称应为 1–16 个字。</xsl:when>
      <xsl:when test=". = 'audience'">适用人群应为 1–200 个字。</xsl:when>
      <xsl:when test=". = 'name_en'">英文名称最长 64 个字符，且为一行。</xsl:when>
      <xsl:when test=". = 'audience_en'">英文适用人群最长 400 个字符，且为一行。</xsl:when>
      <xsl:when test=". = 'months'">有效期应为 1–60 个月。</xsl:when>
      <xsl:when test=". = 'questions'"><l:m>每次答题的题数应为 1–<xsl:value-of select="../../@max-questions"/> 道。</l:m></xsl:when>
      <xsl:when test=". = 'minutes'">答题时限应为 1–180 分钟。</xsl:when>
      <xsl:when test=". = 'pass'">及格线应为 1–100 分。</xsl:when>
      <xsl:when test=". = 'available'"><l:m>已发布题库中适用于该角色的题目只有 <xsl:value-of select="../@available"/> 道，每次答题的题数不能更多。</l:m></xsl:when>
      <xsl:otherwise>这项设置未能保存。</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
