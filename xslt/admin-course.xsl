<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-course.xsl: one course: its title, summary, roles and state
  (draft or published), and its lessons in order, each to edit, move or
  open as learners do; buttons for a new text or video lesson.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="admin-courses.xsl"/>

  <xsl:template match="/page" mode="title"><xsl:value-of select="course/@title"/> · 课程管理</xsl:template>

  <xsl:template name="duration">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s &gt;= 60"><l:m><xsl:value-of select="floor($s div 60)"/> 分<xsl:if test="$s mod 60 &gt; 0"><xsl:value-of select="$s mod 60"/> 秒</xsl:if></l:m></xsl:when>

      <xsl:otherwise><xsl:value-of select="$s"/> 秒</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="c" select="course"/>
    <xsl:variable name="typed" select="error"/>
    <section class="card">
      <h1><xsl:value-of select="$c/@title"/></h1>
      <p>
        <a href="/admin/courses">返回课程管理</a>
        <xsl:if test="$c/@status = 'published'"> · <a href="/learn/{$c/@ref}">居民看到的课程页</a></xsl:if>
      </p>
      <p>
        <xsl:choose>
          <xsl:when test="$c/@status = 'published'"><span class="profile-state complete">已发布</span></xsl:when>
          <xsl:otherwise><span class="profile-state">草稿：居民还看不到这门课程</span></xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:apply-templates select="error"/>
      <form method="post" action="/admin/courses/{$c/@id}" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">课程名称</span>
          <input name="title" type="text" maxlength="64" required="required">
            <xsl:attribute name="value">
              <xsl:choose>
                <xsl:when test="$typed/@title"><xsl:value-of select="$typed/@title"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$c/@title"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </input>
        </label>
        <label class="field">
          <span class="field-label">简介</span>
          <input name="summary" type="text" maxlength="200" required="required">
            <xsl:attribute name="value">
              <xsl:choose>
                <xsl:when test="$typed/@summary"><xsl:value-of select="$typed/@summary"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$c/@summary"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </input>
        </label>
        <xsl:call-template name="role-boxes">
          <xsl:with-param name="mask">
            <xsl:choose>
              <xsl:when test="$typed"><xsl:value-of select="$typed/@roles"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$c/@mask"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <fieldset class="field">
          <legend class="field-label">状态</legend>
          <label class="check">
            <input type="radio" name="status" value="draft">
              <xsl:if test="$c/@status = 'draft'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <span>草稿（居民看不到）</span>
          </label>
          <label class="check">
            <input type="radio" name="status" value="published">
              <xsl:if test="$c/@status = 'published'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <span>发布</span>
          </label>
        </fieldset>
        <button type="submit" class="button">保存课程</button>
      </form>
    </section>
    <section class="card" id="lessons">
      <h2>课时</h2>
      <xsl:choose>
        <xsl:when test="$c/lessons/lesson">
          <table class="table">
            <thead><tr><th scope="col">课时</th><th scope="col">类型</th><th scope="col">时长</th><th scope="col">学习人数</th><th scope="col">学完人数</th><th scope="col">顺序</th></tr></thead>
            <tbody>
              <xsl:for-each select="$c/lessons/lesson">
                <tr id="lesson-{@id}">
                  <td><a href="/admin/lessons/{@id}"><xsl:value-of select="@title"/></a></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@kind = 'video'">视频</xsl:when>
                      <xsl:otherwise>图文</xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:call-template name="duration"><xsl:with-param name="s" select="@seconds"/></xsl:call-template></td>
                  <td><xsl:call-template name="num"><xsl:with-param name="n" select="@learners"/></xsl:call-template></td>
                  <td><xsl:call-template name="num"><xsl:with-param name="n" select="@completions"/></xsl:call-template></td>
                  <td>
                    <xsl:call-template name="move">
                      <xsl:with-param name="action" select="concat('/admin/lessons/', @id, '/move')"/>
                      <xsl:with-param name="first" select="position() = 1"/>
                      <xsl:with-param name="last" select="position() = last()"/>
                      <xsl:with-param name="what" select="@title"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有课时。添加至少一个课时后才能发布课程。</p></xsl:otherwise>
      </xsl:choose>
      <p>
        <a class="button" href="/admin/courses/{$c/@id}/lessons/new?kind=text">添加图文课时</a>
        <xsl:text> </xsl:text>
        <a class="button secondary" href="/admin/courses/{$c/@id}/lessons/new?kind=video">添加视频课时</a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
