<?xml version="1.0" encoding="UTF-8"?>
<!--
  quiz-result.xsl: the score, pass or fail, the code a pass earned, and
  the review of every missed question with the right answer, its
  explanation and source, and a form to report a faulty question.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">答题结果</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="attempt"/>
    <section class="card result result-{$a/@status}">
      <p class="steps-bar"><span class="done">① 选择角色</span><span class="done">② 确认镇街</span><span class="done">③ 答题</span><span class="on">④ 领取蓝码</span></p>
      <p class="score"><l:m><xsl:value-of select="$a/@score"/><small> 分</small></l:m></p>
      <p><l:m>答对 <xsl:value-of select="$a/@correct"/> / <xsl:value-of select="$a/@total"/> 题，及格线 <xsl:value-of select="$a/@pass-mark"/> 分。</l:m></p>
      <xsl:choose>
        <xsl:when test="$a/@status = 'passed'">
          <h1>恭喜，测试通过！</h1>
          <xsl:choose>
            <xsl:when test="code">
              <p><l:m>你的消防蓝码已生成，有效期至 <span class="nowrap"><xsl:value-of select="code/@expires"/></span>。</l:m></p>
              <p><a class="button" href="/my/{code/@id}">查看我的蓝码</a></p>
              <xsl:if test="not(/page/session/person)">
                <p class="note"><l:m>建议<a href="/account">绑定手机号</a>：换手机或清除浏览器数据后，仍可查看、下载和续期你的蓝码。</l:m></p>
              </xsl:if>
            </xsl:when>
            <xsl:when test="current-code">
              <p><l:m>你已有一张有效的蓝码（有效期至 <xsl:value-of select="current-code/@expires"/>），本次不再重复发放；到期前 30 天内再次通过即可续期。</l:m></p>
              <p><a class="button" href="/my/{current-code/@id}">查看我的蓝码</a></p>
            </xsl:when>
          </xsl:choose>
        </xsl:when>
        <xsl:otherwise>
          <h1>本次未通过</h1>
          <p>请对照下面的解析复习后再试一次。</p>
          <p><a class="button" href="/quiz/{$a/@role}">重新答题</a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="review/question">
      <section class="card">
        <h2>错题解析</h2>
        <xsl:for-each select="review/question">
          <article class="review">
            <p class="review-stem">
              <span class="qtype qtype-{@type}"><l:m>第 <xsl:value-of select="@pos"/> 题</l:m></span>
              <xsl:if test="not(option/@chosen)"><span class="tag tag-skip">未作答</span></xsl:if>
              <xsl:call-template name="stem"><xsl:with-param name="s" select="stem"/><xsl:with-param name="l" select="@lang"/></xsl:call-template>
            </p>
            <ul class="review-opts">
              <xsl:for-each select="option">
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
            <p class="explain"><strong>解析：</strong><xsl:call-template name="q-text"><xsl:with-param name="s" select="explanation"/><xsl:with-param name="l" select="@lang"/></xsl:call-template></p>
            <xsl:if test="source"><p class="note">依据：<xsl:call-template name="q-text"><xsl:with-param name="s" select="source"/><xsl:with-param name="l" select="@lang"/></xsl:call-template></p></xsl:if>
            <xsl:choose>
              <xsl:when test="@reported"><p class="note">已收到你对本题的反馈，谢谢。</p></xsl:when>
              <xsl:otherwise>
                <details class="report">
                  <summary>这道题有问题？</summary>
                  <form method="post" action="/quiz/a/{$a/@token}/report" class="form">
                    <xsl:call-template name="csrf"/>
                    <input type="hidden" name="pos" value="{@pos}"/>
                    <label class="field">
                      <span class="field-label">请说明哪里有误</span>
                      <textarea name="text" rows="3" maxlength="500" required="required"></textarea>
                    </label>
                    <button type="submit" class="button secondary">提交反馈</button>
                  </form>
                </details>
              </xsl:otherwise>
            </xsl:choose>
          </article>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
