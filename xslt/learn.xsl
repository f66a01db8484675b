<?xml version="1.0" encoding="UTF-8"?>
<!--
  learn.xsl: 学习: the courses with the person's progress, or one
  course with its lessons.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">
    <xsl:choose>
      <xsl:when test="course"><xsl:value-of select="course/@title"/></xsl:when>
      <xsl:otherwise>学习课程</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="minutes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s &lt; 60"><l:m><xsl:value-of select="$s"/> 秒</l:m></xsl:when>
      <xsl:otherwise><l:m><xsl:value-of select="round($s div 60)"/> 分钟</l:m></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:choose>
      <xsl:when test="course">
        <xsl:variable name="c" select="course"/>
        <section class="card">
          <p><a href="/learn">全部课程</a></p>
          <h1><xsl:value-of select="$c/@title"/></h1>
          <p class="note"><xsl:value-of select="$c/@summary"/></p>
          <ol class="lessons">
            <xsl:for-each select="$c/lessons/lesson">
              <li>
                <a href="/learn/{$c/@ref}/{@ref}"><xsl:value-of select="@title"/></a>
                <span class="note">
                  <xsl:text> · </xsl:text>
                  <xsl:choose><xsl:when test="@kind = 'video'">视频</xsl:when><xsl:otherwise>图文</xsl:otherwise></xsl:choose>
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="minutes"><xsl:with-param name="s" select="@seconds"/></xsl:call-template>
                </span>
                <xsl:if test="@done = 1"><span class="tag">已学完</span></xsl:if>
              </li>
            </xsl:for-each>
          </ol>
          <xsl:if test="not(/page/session/person)">
            <p class="note"><l:m><a href="/account">登录</a>后学习可记录进度，学完每个课时可得学习积分。</l:m></p>
          </xsl:if>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <section class="card">
          <h1>学习课程</h1>
          <p class="note"><l:m>看图文、看视频，学完每个课时可得学习积分；也可以去<a href="/practice">练习考试</a>巩固，熟悉后再<a href="/quiz">正式答题</a>领取蓝码。</l:m></p>
          <ul class="courses">
            <xsl:for-each select="courses/course">
              <li>
                <a class="course-row" href="/learn/{@ref}">
                  <strong><xsl:value-of select="@title"/></strong>
                  <span class="note"><xsl:value-of select="@summary"/></span>
                  <span class="note">
                    <l:m><xsl:value-of select="@lessons"/> 个课时
                    </l:m><xsl:if test="/page/session/person"><l:m> · 已学完 <xsl:value-of select="@done"/> 个</l:m></xsl:if>
                  </span>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
