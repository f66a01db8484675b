<?xml version="1.0" encoding="UTF-8"?>
<!--
  lesson.xsl: a lesson: its text in the lesson vocabulary (p, h, ul, ol,
  note, source, strong), or its video with the script that reports the
  player's position; the person's progress, and the course's other
  lessons.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="lesson-body.xsl"/>

  <xsl:template match="/page" mode="title"><xsl:value-of select="lesson/@title"/></xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="c" select="course"/>
    <xsl:variable name="l" select="lesson"/>
    <xsl:variable name="base" select="concat('/learn/', $c/@ref, '/', $l/@ref)"/>
    <article class="card lesson">
      <p><a href="/learn/{$c/@ref}"><xsl:value-of select="$c/@title"/></a></p>
      <h1><xsl:value-of select="$l/@title"/></h1>
      <xsl:if test="$l/@kind = 'video'">
        <figure class="lesson-video">
          <video controls="controls" preload="metadata" width="100%"
              src="/media/{$l/@video}" data-progress="{$base}/progress"
              data-csrf="{/page/session/@csrf}" data-furthest="{$l/@furthest}">
            <xsl:if test="$l/@poster"><xsl:attribute name="poster">/media/<xsl:value-of select="$l/@poster"/></xsl:attribute></xsl:if>
            <xsl:if test="not(/page/session/person)"><xsl:attribute name="data-progress"></xsl:attribute></xsl:if>
            你的浏览器不能播放这段视频。
          </video>
        </figure>
      </xsl:if>
      <xsl:apply-templates select="$l/body/*"/>
      <div class="lesson-state" id="lesson-state" role="status">
        <xsl:choose>
          <xsl:when test="not(/page/session/person)">
            <p class="note"><l:m><a href="/account">登录</a>后学习可记录进度，学完可得学习积分。</l:m></p>
          </xsl:when>
          <xsl:when test="$l/@done = 1">
            <p class="profile-state complete">已学完这个课时。</p>
          </xsl:when>
          <xsl:when test="$l/@kind = 'video'">
            <p class="note"><l:m>看完视频的 90% 即计为学完（拖动进度条跳过的部分不计）。已看到 <span id="lesson-furthest"><xsl:value-of select="$l/@furthest"/></span> / <xsl:value-of select="$l/@seconds"/> 秒。</l:m></p>
          </xsl:when>
          <xsl:otherwise>
            <form method="post" action="{$base}/done" class="inline">
              <xsl:call-template name="csrf"/>
              <button type="submit" class="button">我已学完</button>
            </form>
            <p class="note"><l:m>请认真阅读全文，约需 <xsl:value-of select="round($l/@seconds div 60)"/> 分钟。</l:m></p>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <nav class="lesson-nav" aria-label="上一课时和下一课时">
        <xsl:for-each select="$c/lessons/lesson[@ref = $l/@ref]">
          <xsl:for-each select="preceding-sibling::lesson[1]">
            <a href="/learn/{$c/@ref}/{@ref}"><l:m>上一课时：<xsl:value-of select="@title"/></l:m></a>
          </xsl:for-each>
          <xsl:for-each select="following-sibling::lesson[1]">
            <a class="next" href="/learn/{$c/@ref}/{@ref}"><l:m>下一课时：<xsl:value-of select="@title"/></l:m></a>
          </xsl:for-each>
        </xsl:for-each>
      </nav>
    </article>
    <xsl:if test="$l/@kind = 'video'">
      <script src="/static/js/lesson.js"></script>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
