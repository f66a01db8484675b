<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-question.xsl: one question's item statistics: served and the
  share answered right, how often each option was chosen (the right ones
  marked), answers left blank, and the reports received.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="/page" mode="title">题目作答统计</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="q" select="item"/>
    <section class="card">
      <h1>题目作答统计</h1>
      <p><a href="/admin/stats/questions">返回答错最多的题目</a></p>
      <p class="note">
        <xsl:value-of select="$q/@ref"/> · <l:m>题库第 <xsl:value-of select="$q/@version"/> 版</l:m> ·
        <xsl:call-template name="type-name"><xsl:with-param name="t" select="$q/@type"/></xsl:call-template> ·
        <xsl:call-template name="category-name"><xsl:with-param name="c" select="$q/@category"/></xsl:call-template>
        <xsl:if test="$q/@only != 0"> · 只含本镇街的答题</xsl:if>
      </p>
      <p><strong><xsl:call-template name="stem"><xsl:with-param name="s" select="$q/stem"/></xsl:call-template></strong></p>
      <p>
        <l:m><xsl:text>共作答 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$q/@served"/></xsl:call-template>
        <xsl:text> 次，答对率 </xsl:text><strong><xsl:call-template name="pct"><xsl:with-param name="v" select="$q/@rate"/></xsl:call-template></strong>
        <xsl:text>（其中浏览器定位的 </xsl:text><xsl:call-template name="num"><xsl:with-param name="n" select="$q/@gps-served"/></xsl:call-template>
        <xsl:text> 次，答对率 </xsl:text><xsl:call-template name="pct"><xsl:with-param name="v" select="$q/@gps-rate"/></xsl:call-template><xsl:text>）。</xsl:text></l:m>
      </p>
    </section>
    <section class="card">
      <h2>各选项被选的次数</h2>
      <p class="note"><l:m>统计最近 <xsl:call-template name="num"><xsl:with-param name="n" select="$q/@answers"/></xsl:call-template> 次作答（最多 <xsl:call-template name="num"><xsl:with-param name="n" select="$q/@picks-max"/></xsl:call-template> 次）；多选题一次作答可选多个选项。未作答 <xsl:value-of select="$q/@blank"/> 次。</l:m></p>
      <table class="records">
        <thead><tr><th scope="col">选项</th><th scope="col">内容</th><th scope="col" class="n">被选次数</th><th scope="col" class="n">占作答</th></tr></thead>
        <tbody>
          <xsl:for-each select="$q/option">
            <tr>
              <th scope="row"><xsl:value-of select="@key"/><xsl:if test="@correct = 1">（正确）</xsl:if></th>
              <td><xsl:value-of select="."/></td>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@picks"/></xsl:call-template></td>
              <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@share"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <p class="note"><l:m>解析：<xsl:value-of select="$q/explanation"/></l:m></p>
    </section>
    <section class="card">
      <h2><l:m>收到的反馈（<xsl:value-of select="$q/reports/@count"/>）</l:m></h2>
      <xsl:choose>
        <xsl:when test="$q/reports/report">
          <ul>
            <xsl:for-each select="$q/reports/report">
              <li><xsl:value-of select="@day"/>：<xsl:value-of select="."/><xsl:if test="@resolved = 1">（已处理）</xsl:if></li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有人反馈这道题。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
