<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-courses.xsl: the courses, in the order learners see them, with
  how many study each; move one up or down; a form for a new course
  (a draft until it is published from its own page).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="/page" mode="title">课程管理</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'missing'">请填写课程名称和简介。</xsl:when>
        <xsl:when test="@code = 'bad-text'">课程名称和简介都只能是一行文字。</xsl:when>
        <xsl:when test="@code = 'long'">课程名称最长 64 个字，简介最长 200 个字。</xsl:when>
        <xsl:when test="@code = 'no-roles'">请至少选择一类适用人员。</xsl:when>
        <xsl:when test="@code = 'empty'">课程还没有课时，不能发布。请先添加课时。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- Role checkboxes; mask: the ticked ones (bit 1 责任人 … 16 市民). -->
  <xsl:template name="role-boxes">
    <xsl:param name="mask" select="0"/>
    <fieldset class="field">
      <legend class="field-label">适用人员</legend>
      <xsl:call-template name="role-box"><xsl:with-param name="v" select="'responsible'"/><xsl:with-param name="bit" select="1"/><xsl:with-param name="label" select="'消防安全责任人/管理人'"/><xsl:with-param name="mask" select="$mask"/></xsl:call-template>
      <xsl:call-template name="role-box"><xsl:with-param name="v" select="'employee'"/><xsl:with-param name="bit" select="2"/><xsl:with-param name="label" select="'企业员工'"/><xsl:with-param name="mask" select="$mask"/></xsl:call-template>
      <xsl:call-template name="role-box"><xsl:with-param name="v" select="'landlord'"/><xsl:with-param name="bit" select="4"/><xsl:with-param name="label" select="'出租房房东'"/><xsl:with-param name="mask" select="$mask"/></xsl:call-template>
      <xsl:call-template name="role-box"><xsl:with-param name="v" select="'student'"/><xsl:with-param name="bit" select="8"/><xsl:with-param name="label" select="'学生'"/><xsl:with-param name="mask" select="$mask"/></xsl:call-template>
      <xsl:call-template name="role-box"><xsl:with-param name="v" select="'citizen'"/><xsl:with-param name="bit" select="16"/><xsl:with-param name="label" select="'普通市民'"/><xsl:with-param name="mask" select="$mask"/></xsl:call-template>
    </fieldset>
  </xsl:template>

  <xsl:template name="role-box">
    <xsl:param name="v"/>
    <xsl:param name="bit"/>
    <xsl:param name="label"/>
    <xsl:param name="mask"/>
    <label class="check">
      <input type="checkbox" name="roles" value="{$v}">
        <xsl:if test="floor($mask div $bit) mod 2 = 1"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <span><xsl:value-of select="$label"/></span>
    </label>
  </xsl:template>

  <xsl:template name="move">
    <xsl:param name="action"/>
    <xsl:param name="first"/>
    <xsl:param name="last"/>
    <xsl:param name="what"/>
    <form method="post" action="{$action}" class="inline">
      <xsl:call-template name="csrf"/>
      <button type="submit" name="dir" value="up" class="button secondary small" aria-label="上移{$what}">
        <xsl:if test="$first"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
        <xsl:text>上移</xsl:text>
      </button>
      <button type="submit" name="dir" value="down" class="button secondary small" aria-label="下移{$what}">
        <xsl:if test="$last"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
        <xsl:text>下移</xsl:text>
      </button>
    </form>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>课程管理</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/learn">学习课程（居民看到的样子）</a></p>
      <p class="note">课程按这里的顺序展示给居民。新建的课程是草稿，添加课时并发布后居民才能看到。课程由本数据库服务的各辖区共用。</p>
      <xsl:choose>
        <xsl:when test="courses/course">
          <table class="table">
            <thead><tr><th scope="col">课程</th><th scope="col">适用人员</th><th scope="col">课时</th><th scope="col">学习人数</th><th scope="col">学完课时次数</th><th scope="col">顺序</th></tr></thead>
            <tbody>
              <xsl:for-each select="courses/course">
                <tr id="course-{@id}">
                  <td>
                    <a href="/admin/courses/{@id}"><xsl:value-of select="@title"/></a>
                    <xsl:if test="@status = 'draft'"> <span class="tag">草稿</span></xsl:if>
                  </td>
                  <td><xsl:call-template name="role-names"><xsl:with-param name="roles" select="@roles"/></xsl:call-template></td>
                  <td><xsl:value-of select="@lessons"/></td>
                  <td><xsl:call-template name="num"><xsl:with-param name="n" select="@learners"/></xsl:call-template></td>
                  <td><xsl:call-template name="num"><xsl:with-param name="n" select="@completions"/></xsl:call-template></td>
                  <td>
                    <xsl:call-template name="move">
                      <xsl:with-param name="action" select="concat('/admin/courses/', @id, '/move')"/>
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
        <xsl:otherwise><p class="note">还没有课程。</p></xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card" id="course-new">
      <h2>新建课程</h2>
      <xsl:apply-templates select="error"/>
      <form method="post" action="/admin/courses" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">课程名称</span>
          <input name="title" type="text" maxlength="64" required="required" value="{error/@title}"/>
        </label>
        <label class="field">
          <span class="field-label">简介（一句话说明学什么）</span>
          <input name="summary" type="text" maxlength="200" required="required" value="{error/@summary}"/>
        </label>
        <xsl:call-template name="role-boxes">
          <xsl:with-param name="mask">
            <xsl:choose>
              <xsl:when test="error"><xsl:value-of select="error/@roles"/></xsl:when>
              <xsl:otherwise>31</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <button type="submit" class="button">新建草稿</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
