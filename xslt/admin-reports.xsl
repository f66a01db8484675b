<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-reports.xsl: what people reported about questions. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">题目反馈</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>题目反馈</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/questions">题库管理</a></p>
      <xsl:if test="not(reports/report)"><p>还没有反馈。</p></xsl:if>
      <div class="scroll" tabindex="0">
        <table class="log records">
          <thead><tr><th>时间</th><th>题目</th><th>反馈内容</th></tr></thead>
          <tbody>
            <xsl:for-each select="reports/report">
              <tr>
                <td><xsl:value-of select="@at"/></td>
                <td class="text"><a href="/admin/questions/{@question}"><xsl:value-of select="@ref"/></a><l:m>（第 <xsl:value-of select="@version"/> 版）</l:m><br/>

                  <span class="note"><xsl:value-of select="@stem"/></span></td>
                <td class="text"><xsl:value-of select="."/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
