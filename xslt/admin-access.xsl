<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-access.xsl: the access log of personal data, newest first, a
  hundred a page, filtered by account or kind, with its CSV export.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="access-names.xsl"/>

  <xsl:template match="/page" mode="title">个人信息查看记录</xsl:template>

  <xsl:template name="subject-option">
    <xsl:param name="s"/>
    <xsl:param name="name"/>
    <option value="{$s}"><xsl:if test="$s = /page/access/@subject"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="$name"/></option>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="access"/>
    <section class="card">
      <h1>个人信息查看记录</h1>
      <p><a href="/admin">返回管理首页</a> · <a><xsl:attribute name="href">/admin/access.csv?subject=<xsl:value-of select="$a/@subject"/><xsl:if test="$a/@admin != 0">&amp;admin=<xsl:value-of select="$a/@admin"/></xsl:if></xsl:attribute>导出 CSV</a></p>
      <p class="note">管理页面默认只显示打码后的手机号、身份证号和银行账号。管理员因工作需要查看完整信息时须说明理由，每一次查看都记录在这里（谁、何时、查看了谁的哪项信息、理由、从哪个地址），只增不改。</p>
      <form method="get" action="/admin/access" class="inline-form filters">
        <label>账号
          <select name="admin">
            <option value="">全部</option>
            <xsl:for-each select="accounts/account">
              <option value="{@id}"><xsl:if test="@id = $a/@admin"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@login"/></option>
            </xsl:for-each>
          </select>
        </label>
        <label>类别
          <select name="subject">
            <option value="">全部</option>
            <xsl:call-template name="subject-option"><xsl:with-param name="s" select="'person'"/><xsl:with-param name="name" select="'居民账号'"/></xsl:call-template>
            <xsl:call-template name="subject-option"><xsl:with-param name="s" select="'hazard'"/><xsl:with-param name="name" select="'隐患报告'"/></xsl:call-template>
            <xsl:call-template name="subject-option"><xsl:with-param name="s" select="'visit'"/><xsl:with-param name="name" select="'参观预约'"/></xsl:call-template>
            <xsl:call-template name="subject-option"><xsl:with-param name="s" select="'training'"/><xsl:with-param name="name" select="'培训预约'"/></xsl:call-template>
            <xsl:call-template name="subject-option"><xsl:with-param name="s" select="'aid'"/><xsl:with-param name="name" select="'烧伤救助申请'"/></xsl:call-template>
          </select>
        </label>
        <button type="submit" class="button secondary">筛选</button>
      </form>
      <xsl:choose>
        <xsl:when test="$a/entry">
          <div class="scroll" tabindex="0">
            <table class="log records">
              <thead><tr><th scope="col">时间</th><th scope="col">账号</th><th scope="col">对象</th><th scope="col">信息</th><th scope="col">理由</th><th scope="col">IP</th></tr></thead>
              <tbody>
                <xsl:for-each select="$a/entry">
                  <tr>
                    <td class="nowrap"><xsl:value-of select="@at"/></td>
                    <td><xsl:value-of select="@login"/></td>
                    <td><xsl:apply-templates select="@subject"/><xsl:text> </xsl:text><xsl:value-of select="@ref"/><xsl:if test="not(@ref)">#<xsl:value-of select="@subject-id"/></xsl:if></td>
                    <td><xsl:apply-templates select="@field"/></td>
                    <td class="text"><xsl:value-of select="@reason"/></td>
                    <td><xsl:value-of select="@ip"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:if test="$a/@older">
            <p><a href="/admin/access?before={$a/@older}&amp;subject={$a/@subject}">更早的记录</a></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p class="note">没有这样的记录。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
