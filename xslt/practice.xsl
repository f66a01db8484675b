<?xml version="1.0" encoding="UTF-8"?>
<!--
  practice.xsl: practice exams: pick a role, then a category (or all);
  one question at a time; after each answer, whether it was right, the
  right options, the explanation and its source, and the next question.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">练习考试</xsl:template>

  <xsl:template name="qtype">
    <span class="qtype qtype-{@type}">
      <xsl:choose>
        <xsl:when test="@type = 'multi'">多选题</xsl:when>
        <xsl:when test="@type = 'truefalse'">判断题</xsl:when>
        <xsl:otherwise>单选题</xsl:otherwise>
      </xsl:choose>
    </span>
    <span class="tag">
      <xsl:call-template name="category-name"><xsl:with-param name="c" select="@category"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- The query string that draws the next question of this practice. -->
  <xsl:template name="next">
    <xsl:param name="p" select="/page/practice"/>
    <xsl:text>/practice/q?role=</xsl:text>
    <xsl:value-of select="$p/@role"/>
    <xsl:if test="$p/@category">&amp;category=<xsl:value-of select="$p/@category"/></xsl:if>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="p" select="practice"/>
    <xsl:choose>
      <xsl:when test="$p/feedback"><xsl:call-template name="feedback"/></xsl:when>
      <xsl:when test="$p/question"><xsl:call-template name="ask"/></xsl:when>
      <xsl:when test="$p/none">
        <section class="card narrow">
          <h1>练习考试</h1>
          <p><l:m>题库里暂时没有适用于“<xsl:value-of select="$p/@role-name"/>”的这类题目。</l:m></p>
          <p><a class="button" href="/practice?role={$p/@role}">选择其他分类</a></p>
        </section>
      </xsl:when>
      <xsl:when test="$p/categories">
        <section class="card narrow">
          <h1><l:m>练习考试 · <xsl:value-of select="$p/@role-name"/></l:m></h1>
          <p class="note">练习不计入测试成绩，也不发放蓝码；每题答完即可看到解析。登录后答对题目可得学习积分（每题每天计一次，每天有上限）。</p>
          <ul class="admin-links">
            <li><a href="/practice/q?role={$p/@role}">全部分类随机练习</a><l:m>（<xsl:value-of select="sum($p/categories/category/@questions)"/> 题）</l:m></li>
            <xsl:for-each select="$p/categories/category">
              <li>
                <a href="/practice/q?role={$p/@role}&amp;category={@code}">
                  <xsl:call-template name="category-name"><xsl:with-param name="c" select="@code"/></xsl:call-template>
                </a>
                <l:m>（<xsl:value-of select="@questions"/> 题）</l:m>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="/practice">换一个角色</a></p>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <section class="card narrow">
          <h1>练习考试</h1>
          <p><l:m>按角色和知识分类反复练习，熟悉后再去<a href="/quiz">正式答题</a>领取蓝码。</l:m></p>
          <ul class="admin-links">
            <xsl:for-each select="roles/role">
              <li><a href="/practice?role={@code}"><xsl:value-of select="@name"/></a></li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ask">
    <xsl:variable name="p" select="practice"/>
    <xsl:variable name="q" select="$p/question"/>
    <section class="card">
      <p class="note"><l:m>练习 · <xsl:value-of select="$p/@role-name"/></l:m></p>
      <form method="post" action="/practice/q" class="form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="role" value="{$p/@role}"/>
        <xsl:if test="$p/@category"><input type="hidden" name="category" value="{$p/@category}"/></xsl:if>
        <input type="hidden" name="q" value="{$q/@id}"/>
        <fieldset class="question">
          <legend>
            <xsl:for-each select="$q"><xsl:call-template name="qtype"/></xsl:for-each>
            <xsl:call-template name="stem"><xsl:with-param name="s" select="$q/stem"/><xsl:with-param name="l" select="$q/@lang"/></xsl:call-template>
          </legend>
          <xsl:if test="$q/@type = 'multi'">
            <p class="note">本题有两个或以上正确选项。</p>
          </xsl:if>
          <xsl:for-each select="$q/option">
            <label class="opt">
              <input name="o" value="{@i}">
                <xsl:attribute name="type">
                  <xsl:choose>
                    <xsl:when test="../@type = 'multi'">checkbox</xsl:when>
                    <xsl:otherwise>radio</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
              </input>
              <span class="opt-key"><xsl:value-of select="substring('ABCDEF', @i + 1, 1)"/></span>
              <span class="opt-text"><xsl:call-template name="text-lang"><xsl:with-param name="l" select="../@lang"/></xsl:call-template><xsl:value-of select="."/></span>
            </label>
          </xsl:for-each>
        </fieldset>
        <button type="submit" class="button">提交答案</button>
      </form>
      <p><a href="/practice?role={$p/@role}">换个分类</a></p>
    </section>
  </xsl:template>

  <xsl:template name="feedback">
    <xsl:variable name="p" select="practice"/>
    <xsl:variable name="q" select="$p/question"/>
    <xsl:variable name="f" select="$p/feedback"/>
    <section class="card">
      <p class="practice-result result-{$f/@result}" role="status">
        <xsl:choose>
          <xsl:when test="$f/@result = 'right'">回答正确！</xsl:when>
          <xsl:when test="$f/@result = 'wrong'">回答错误。</xsl:when>
          <xsl:otherwise>没有作答。</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$f/@points &gt; 0"><l:m>获得 <xsl:value-of select="$f/@points"/> 学习积分。</l:m></xsl:if>
        <xsl:if test="$f/@result = 'right' and $f/@points = 0">（今天这道题已计过积分，或练习积分已到每日上限。）</xsl:if>
        <xsl:if test="$f/@result = 'right' and not(/page/session/person)"><l:m><a href="/account">登录</a>后答对可得学习积分。</l:m></xsl:if>
      </p>
      <article class="review">
        <p class="review-stem">
          <xsl:for-each select="$q"><xsl:call-template name="qtype"/></xsl:for-each>
          <xsl:call-template name="stem"><xsl:with-param name="s" select="$q/stem"/><xsl:with-param name="l" select="$q/@lang"/></xsl:call-template>
        </p>
        <ul class="review-opts">
          <xsl:for-each select="$q/option">
            <li>
              <xsl:attribute name="class">
                <xsl:if test="@correct">right</xsl:if>
                <xsl:if test="@chosen and not(@correct)">wrong</xsl:if>
              </xsl:attribute>
              <span class="opt-key"><xsl:value-of select="substring('ABCDEF', @i + 1, 1)"/></span>
              <xsl:call-template name="q-text"><xsl:with-param name="s" select="."/><xsl:with-param name="l" select="../@lang"/></xsl:call-template>
              <xsl:if test="@correct"><span class="tag">正确答案</span></xsl:if>
              <xsl:if test="@chosen"><span class="tag tag-you">你的选择</span></xsl:if>
            </li>
          </xsl:for-each>
        </ul>
        <p class="explain"><strong>解析：</strong><xsl:call-template name="q-text"><xsl:with-param name="s" select="$q/explanation"/><xsl:with-param name="l" select="$q/@lang"/></xsl:call-template></p>
        <xsl:if test="$q/source"><p class="note">依据：<xsl:call-template name="q-text"><xsl:with-param name="s" select="$q/source"/><xsl:with-param name="l" select="$q/@lang"/></xsl:call-template></p></xsl:if>
      </article>
      <p>
        <a class="button">
          <xsl:attribute name="href"><xsl:call-template name="next"/>&amp;q=<xsl:value-of select="$q/@id"/></xsl:attribute>
          <xsl:text>下一题</xsl:text>
        </a>
      </p>
      <p><a href="/practice?role={$p/@role}">换个分类</a> · <a href="/points">我的积分</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
