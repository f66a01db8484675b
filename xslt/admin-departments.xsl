<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-departments.xsl: the industry departments (行业部门) of the
  jurisdiction, one form each (name, place in the list, retired), and a
  form that adds one. A refused form says why, next to it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">行业部门</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'missing'">请填写部门名称。</xsl:when>
        <xsl:when test="@code = 'bad-name'">部门名称只能是一行文字。</xsl:when>
        <xsl:when test="@code = 'long-name'">部门名称最长 32 个字。</xsl:when>
        <xsl:when test="@code = 'taken'">已有同名的部门。</xsl:when>
        <xsl:when test="@code = 'bad-sort'">排序应为 0–999 之间的整数。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>行业部门</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">行业部门按条线组织本行业单位参加普测，单位注册时选择所属部门，统计和通报按部门排名。停用的部门不再供新单位选择，已有记录保持不变。</p>
      <xsl:choose>
        <xsl:when test="departments/department">
          <ul class="departments">
              <xsl:for-each select="departments/department">
                <xsl:variable name="refused" select="/page/error[@department = current()/@id]"/>
                <li id="department-{@id}">
                  <xsl:if test="@retired = 1"><xsl:attribute name="class">retired</xsl:attribute></xsl:if>
                    <xsl:apply-templates select="$refused"/>
                    <form method="post" action="/admin/departments/{@id}" class="inline-form">
                      <xsl:call-template name="csrf"/>
                      <input name="name" type="text" maxlength="32" required="required"
                          aria-label="部门名称（原为{@name}）">
                        <xsl:attribute name="value">
                          <xsl:choose>
                            <xsl:when test="$refused/@name"><xsl:value-of select="$refused/@name"/></xsl:when>
                            <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                          </xsl:choose>
                        </xsl:attribute>
                      </input>
                      <input name="sort" type="number" min="0" max="999" value="{@sort}"
                          aria-label="{@name}的排序"/>
                      <label class="check">
                        <input name="retired" type="checkbox" value="1">
                          <xsl:if test="@retired = 1"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                        </input>
                        <xsl:text>停用</xsl:text>
                      </label>
                      <button type="submit" class="button secondary">保存</button>
                    </form>
                </li>
              </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="note">本辖区还没有录入行业部门。请按消安委的工作方案逐个添加。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card" id="department-new">
      <h2>添加部门</h2>
      <xsl:apply-templates select="error[@department = 0]"/>
      <form method="post" action="/admin/departments" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">部门名称</span>
          <input name="name" type="text" maxlength="32" required="required" value="{error[@department = 0]/@name}"/>
        </label>
        <button type="submit" class="button">添加</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
