<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-questions.xsl: the questions most missed over the days chosen
  (located attempts only), weakest first: what to teach next. Each links
  to its item statistics.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="/page" mode="title">答错最多的题目</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="m" select="missed"/>
    <section class="card">
      <h1>答错最多的题目</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/stats/awareness">知晓率</a></p>
      <form method="get" action="/admin/stats/questions" class="inline-form filters">
        <label>从 <input type="month" name="from" value="{$m/@from}"/></label>
        <label>到 <input type="month" name="to" value="{$m/@to}"/></label>
        <button type="submit" class="button secondary">查看</button>
      </form>
      <p class="note"><l:m>按答对率由低到高列出 <xsl:value-of select="$m/@from"/> 至 <xsl:value-of select="$m/@to"/> 浏览器定位的答题中的题目（最多 30 道）<xsl:if test="$m/@only != 0">，只含本镇街的答题</xsl:if>。宣传培训可优先讲解这些知识点；题目本身有问题的，可在题库中修改。</l:m></p>
      <xsl:choose>
        <xsl:when test="$m/question">
          <ol class="missed">
            <xsl:for-each select="$m/question">
              <li>
                <p>
                  <a href="/admin/stats/questions/{@id}"><xsl:call-template name="stem"><xsl:with-param name="s" select="stem"/></xsl:call-template></a>
                </p>
                <p class="note">
                  <xsl:call-template name="type-name"><xsl:with-param name="t" select="@type"/></xsl:call-template>
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="category-name"><xsl:with-param name="c" select="@category"/></xsl:call-template>
                  <l:m><xsl:text> · 作答 </xsl:text><xsl:value-of select="@served"/>
                  <xsl:text> 次，答对率 </xsl:text>
                  <strong><xsl:call-template name="pct"><xsl:with-param name="v" select="@rate"/></xsl:call-template></strong></l:m>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise><p class="note">这段时间还没有浏览器定位的答题。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
