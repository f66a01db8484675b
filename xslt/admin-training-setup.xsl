<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-training-setup.xsl: the trainers of the jurisdiction (add,
  retire) and the days that break the Monday-to-Friday week: holidays
  and make-up working days (调休), entered each year from the State
  Council's schedule; the 5 working days of an answer count by them.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">培训讲师与节假日</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'bad-trainer'">请填写讲师姓名（一行，最长 32 个字）；手机号可不填，填写须为 11 位。</xsl:when>
        <xsl:when test="@code = 'taken'">已有同名的讲师。</xsl:when>
        <xsl:when test="@code = 'bad-day'">请填写存在的日期、选择放假或调休上班，并写明名称（最长 32 个字）。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>培训讲师</h1>
      <p><a href="/admin/training">返回培训预约</a></p>
      <xsl:apply-templates select="error"/>
      <xsl:choose>
        <xsl:when test="trainers/trainer">
          <table class="records">
            <thead><tr><th scope="col">姓名</th><th scope="col">手机号</th><th scope="col" class="n">今后已确认</th><th scope="col">状态</th></tr></thead>
            <tbody>
              <xsl:for-each select="trainers/trainer">
                <tr>
                  <td><xsl:value-of select="@name"/></td>
                  <td><xsl:value-of select="@phone"/></td>
                  <td class="n"><xsl:value-of select="@coming"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@retired = 1">已停用</xsl:when>
                      <xsl:otherwise>
                        <form method="post" action="/admin/training/trainers/{@id}/retire" class="inline">
                          <xsl:call-template name="csrf"/>
                          <button type="submit" class="button secondary">停用</button>
                        </form>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有录入讲师。确认培训前请先添加讲师。</p></xsl:otherwise>
      </xsl:choose>
      <h2>添加讲师</h2>
      <form method="post" action="/admin/training/trainers" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">姓名</span><input name="name" type="text" maxlength="32" required="required"/></label>
        <label class="field"><span class="field-label">手机号（可不填）</span><input name="phone" type="tel" inputmode="numeric" maxlength="11"/></label>
        <button type="submit" class="button secondary">添加讲师</button>
      </form>
    </section>
    <section class="card">
      <h2>节假日与调休</h2>
      <p class="note">工作日按周一至周五计算；这里录入的日期例外：法定节假日（放假）不计，周末调休上班的日子计入。每年请按国务院办公厅公布的放假安排录入。</p>
      <xsl:choose>
        <xsl:when test="workdays/workday">
          <table class="records">
            <thead><tr><th scope="col">日期</th><th scope="col">安排</th><th scope="col">名称</th><th scope="col"></th></tr></thead>
            <tbody>
              <xsl:for-each select="workdays/workday">
                <tr>
                  <td><xsl:value-of select="@day"/></td>
                  <td><xsl:choose><xsl:when test="@working = 1">调休上班</xsl:when><xsl:otherwise>放假</xsl:otherwise></xsl:choose></td>
                  <td><xsl:value-of select="@name"/></td>
                  <td>
                    <form method="post" action="/admin/training/days/delete" class="inline">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="day" value="{@day}"/>
                      <button type="submit" class="button secondary">删除</button>
                    </form>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有录入节假日：目前按周一至周五计算工作日。</p></xsl:otherwise>
      </xsl:choose>
      <form method="post" action="/admin/training/days" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">日期</span><input name="day" type="date" required="required"/></label>
        <label class="field"><span class="field-label">安排</span>
          <select name="working"><option value="0">放假（不计工作日）</option><option value="1">调休上班（计入工作日）</option></select></label>
        <label class="field"><span class="field-label">名称，如“春节”“国庆节调休”</span><input name="name" type="text" maxlength="32" required="required"/></label>
        <button type="submit" class="button secondary">保存</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
