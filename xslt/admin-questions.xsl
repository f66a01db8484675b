<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-questions.xsl: the questions of the draft (or published) bank,
     and which of them have English. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="/page" mode="title">题库管理</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>题库管理</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/banks">题库版本</a> · <a href="/admin/reports">题目反馈</a></p>
      <xsl:call-template name="draft-actions"/>
      <form method="get" action="/admin/questions" class="form inline">
        <label class="field">
          <span class="field-label">搜索题干或编号</span>
          <input name="q" type="search" value="{questions/@q}"/>
        </label>
        <button type="submit" class="button secondary">搜索</button>
      </form>
      <xsl:if test="banks/bank[@status = 'draft']">
        <p><a class="button" href="/admin/questions/new">新增题目</a></p>
      </xsl:if>
    </section>
    <section class="card">
      <h2><l:m>共 <xsl:value-of select="count(questions/question)"/> 题</l:m></h2>
      <div class="scroll" tabindex="0">
        <table class="log records">
          <thead><tr><th>编号</th><th>题型</th><th>题干</th><th>适用角色</th><th>英文</th><th class="n">反馈</th></tr></thead>
          <tbody>
            <xsl:for-each select="questions/question">
              <tr>
                <xsl:if test="@retired = '1'"><xsl:attribute name="class">retired</xsl:attribute></xsl:if>
                <td><a href="/admin/questions/{@id}"><xsl:value-of select="@ref"/></a></td>
                <td><xsl:call-template name="type-name"><xsl:with-param name="t" select="@type"/></xsl:call-template></td>
                <td class="text"><xsl:value-of select="."/><xsl:if test="@retired = '1'"><span class="note">（已停用）</span></xsl:if></td>
                <td><xsl:call-template name="role-names"><xsl:with-param name="roles" select="@roles"/></xsl:call-template></td>
                <td><xsl:choose><xsl:when test="@en">有</xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></td>
                <td class="n"><xsl:value-of select="@reports"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
