<?xml version="1.0" encoding="UTF-8"?>
<!--
  quiz-question.xsl: one question of an attempt: type label, progress
  "第 k / N 题", the remaining time (kept by the server; timer.js only
  counts down on screen), previous/next, a grid to jump, and submit.
  The legend, the options and the grid's cells come made by
  quiz-parts.xsl (kept per worker: core/fragment.c) and are copied as
  they are.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">
    <l:m>第 <xsl:value-of select="question/@pos"/> / <xsl:value-of select="attempt/@total"/> 题</l:m>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="k" select="question/@pos"/>
    <xsl:variable name="n" select="attempt/@total"/>
    <section class="card quiz">
      <div class="quiz-head">
        <h1 class="quiz-progress"><l:m>第 <xsl:value-of select="$k"/> / <xsl:value-of select="$n"/> 题</l:m></h1>
        <span class="quiz-timer" id="timer" data-remaining="{attempt/@remaining}"
            data-msg-left="剩余 {{m}} 分 {{s}} 秒">
          <l:m>剩余 <xsl:value-of select="floor(attempt/@remaining div 60)"/> 分 <xsl:value-of select="attempt/@remaining mod 60"/> 秒</l:m>
        </span>
      </div>
      <progress class="progress" max="{$n}" value="{$k}"><xsl:value-of select="$k"/> / <xsl:value-of select="$n"/></progress>
      <form method="post" action="/quiz/a/{attempt/@token}/{$k}" class="form"
          data-msg-unanswered="还有 {{n}} 题未作答，交卷后不能再修改。确定交卷吗？">
        <xsl:call-template name="csrf"/>
        <fieldset class="question">
          <legend><xsl:value-of select="question/legend-html" disable-output-escaping="yes"/></legend>
          <xsl:if test="question/@type = 'multi'">
            <p class="note">本题有两个或以上正确选项，全部选对才得分。</p>
          </xsl:if>
          <xsl:value-of select="question/options-html" disable-output-escaping="yes"/>
        </fieldset>
        <div class="quiz-nav">
          <xsl:if test="$k &gt; 1">
            <button type="submit" name="go" value="prev" class="button secondary">上一题</button>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$k &lt; $n">
              <button type="submit" name="go" value="next" class="button">下一题</button>
            </xsl:when>
            <xsl:otherwise>
              <button type="submit" name="go" value="submit" class="button">交卷</button>
            </xsl:otherwise>
          </xsl:choose>
        </div>
        <details class="quiz-grid">
          <summary><l:m>答题卡（已答 <xsl:value-of select="nav/@answered"/> / <xsl:value-of select="$n"/>）</l:m></summary>
          <p class="note">蓝底为已答，白底为未答；点题号可跳到该题，本题的选择会先保存。</p>
          <div class="grid">
            <xsl:value-of select="nav/cells-html" disable-output-escaping="yes"/>
          </div>
          <xsl:if test="$k &lt; $n">
            <button type="submit" name="go" value="submit" class="button secondary">交卷</button>
          </xsl:if>
        </details>
      </form>
      <p class="note"><l:m>角色：<xsl:value-of select="attempt/@role-name"/> · 镇街：<xsl:value-of select="attempt/@region"/></l:m>
        <xsl:if test="attempt/@method = 'manual'">（手动选择，不纳入考核）</xsl:if></p>
    </section>
    <script src="/static/js/timer.js"></script>
    <script src="/static/js/submit.js"></script>
  </xsl:template>
</xsl:stylesheet>
