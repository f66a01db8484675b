<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-audit.xsl: the audit log, newest first, a hundred a page, with
  its filters (action, account) and a link to the older entries.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="audit-names.xsl"/>

  <xsl:template match="/page" mode="title">操作记录</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="audit"/>
    <section class="card">
      <h1>操作记录</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">每一次管理操作都记在这里（谁、何时、对什么、改前改后、从哪个地址），只增不改。</p>
      <form method="get" action="/admin/audit" class="inline-form filters">
        <label>操作
          <select name="action">
            <option value="">全部</option>
            <xsl:for-each select="filters/action">
              <option value="{@action}"><xsl:if test="@action = $a/@action"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:apply-templates select="@action"/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>账号
          <select name="admin">
            <option value="">全部</option>
            <xsl:for-each select="filters/account">
              <option value="{@id}"><xsl:if test="@id = $a/@admin"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@login"/></option>
            </xsl:for-each>
          </select>
        </label>
        <button type="submit" class="button secondary">筛选</button>
      </form>
      <xsl:choose>
        <xsl:when test="$a/entry">
          <div class="scroll" tabindex="0">
            <table class="log records">
              <thead><tr><th scope="col">时间</th><th scope="col">账号</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">内容</th><th scope="col">IP</th></tr></thead>
              <tbody>
                <xsl:for-each select="$a/entry">
                  <tr id="entry-{@id}">
                    <td><xsl:value-of select="@at"/></td>
                    <td><xsl:value-of select="@login"/></td>
                    <td><xsl:apply-templates select="@action"/></td>
                    <td><xsl:value-of select="@object"/></td>
                    <td class="text"><xsl:value-of select="."/></td>
                    <td><xsl:value-of select="@ip"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:if test="$a/@older">
            <p><a href="/admin/audit?before={$a/@older}&amp;action={$a/@action}&amp;admin={substring($a/@admin, 1, string-length($a/@admin) * ($a/@admin != 0))}">更早的记录</a></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p class="note">没有这样的记录。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
